package org.socius.feeds.internal.fetch;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.socius.feeds.internal.parse.FeedFormatException;
import org.socius.feeds.internal.parse.FeedParser;
import org.socius.feeds.internal.parse.ParsedFeed;
import org.socius.platform.OutboundHttp;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fetches one feed politely: a conditional GET with the validators of the last answer, through
 * the platform's guarded client (SSRF guard on every hop, redirect cap, time cap, body cap after
 * decompression). The body is recognised by its content, not its Content-Type, because feeds are
 * served under every type there is.
 */
@Component
public class FeedFetcher {

  static final String ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, "
      + "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";

  private final OutboundHttp http;
  private final OutboundHttp.Policy policy;
  private final Clock clock;

  public FeedFetcher(OutboundHttp http, Clock clock, @Value("${socius.feeds.max-body-bytes:10485760}") long maxBody,
      @Value("${socius.feeds.request-timeout:30s}") Duration timeout) {
    this.http = http;
    this.clock = clock;
    OutboundHttp.Policy d = OutboundHttp.Policy.defaults();
    this.policy = new OutboundHttp.Policy(d.connectTimeout(), timeout, maxBody, d.maxRedirects());
  }

  /**
   * @param etag the ETag of the last answer, or null
   * @param lastModified the Last-Modified of the last answer, or null
   * @throws FetchFailure when no feed came back, with the reason in words
   */
  public FetchResult fetch(URI address, String etag, String lastModified) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", ACCEPT);
    if (etag != null) {
      headers.put("If-None-Match", etag);
    }
    if (lastModified != null) {
      headers.put("If-Modified-Since", lastModified);
    }
    OutboundHttp.Response response;
    try {
      response = http.send("GET", address, headers, null, policy);
    } catch (OutboundHttp.OutboundException e) {
      throw new FetchFailure(e.getMessage(), null, e);
    }
    int status = response.status();
    Duration fresh = Freshness.freshFor(response.header("Cache-Control"), response.header("Expires"), response.header("Date"),
        clock.instant());
    String newEtag = response.header("ETag").orElse(etag);
    String newModified = response.header("Last-Modified").orElse(lastModified);
    if (status == 304) {
      return new FetchResult.NotModified(newEtag, newModified, fresh);
    }
    if (status == 429 || status == 503) {
      Duration wait = Freshness.retryAfter(response.header("Retry-After"), clock.instant());
      throw new FetchFailure("The server answered " + status + (status == 429 ? " Too Many Requests" : " Service Unavailable")
          + (wait == null ? "" : " and asked to wait " + words(wait)), wait, null);
    }
    if (status == 404 || status == 410) {
      throw new FetchFailure("The feed is not there (the server answered " + status + (status == 404 ? " Not Found)" : " Gone)"),
          null, null);
    }
    if (status < 200 || status > 299) {
      throw new FetchFailure("The server answered " + status + " instead of the feed", null, null);
    }
    ParsedFeed feed;
    try {
      feed = FeedParser.parse(response.body(), response.header("Content-Type").orElse(null), response.uri().toString());
    } catch (FeedFormatException e) {
      throw new FetchFailure(e.getMessage(), null, e);
    }
    if (feed.ttlMinutes() != null) {
      Duration ttl = Duration.ofMinutes(feed.ttlMinutes());
      fresh = fresh == null || ttl.compareTo(fresh) > 0 ? ttl : fresh;
    }
    return new FetchResult.Fetched(response.uri(), feed, newEtag, newModified, fresh, response.body().length);
  }

  /** Fetches a page (for autodiscovery) under the same guard and caps; answers the final address and the body. */
  public OutboundHttp.Response page(URI address) {
    try {
      OutboundHttp.Response response = http.send("GET", address,
          Map.of("Accept", "text/html, application/xhtml+xml;q=0.9, " + ACCEPT), null, policy);
      if (response.status() < 200 || response.status() > 299) {
        throw new FetchFailure("The server answered " + response.status() + " for " + address, null, null);
      }
      return response;
    } catch (OutboundHttp.OutboundException e) {
      throw new FetchFailure(e.getMessage(), null, e);
    }
  }

  static String words(Duration d) {
    long s = d.toSeconds();
    if (s < 120) {
      return s + " s";
    }
    if (s < 7200) {
      return (s / 60) + " min";
    }
    return (s / 3600) + " h";
  }
}
