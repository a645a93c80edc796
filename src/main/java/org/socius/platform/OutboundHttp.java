package org.socius.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;

/**
 * The one way Socius talks to the outside world. Every request, and every redirect hop, passes
 * the {@link NetworkGuard}; bodies are capped after decompression (a gzip bomb stops at the cap);
 * connect and whole-request timeouts and a redirect cap apply; credentials (Authorization,
 * Cookie) are not passed on when a redirect leads to another origin. Errors come back as
 * {@link OutboundException} with a reason a person can read.
 */
public final class OutboundHttp {

  /** Limits for one request; {@link #defaults()} suits feeds and APIs. */
  public record Policy(Duration connectTimeout, Duration requestTimeout, long maxBodyBytes, int maxRedirects) {
    public static Policy defaults() {
      return new Policy(Duration.ofSeconds(10), Duration.ofSeconds(30), 10L * 1024 * 1024, 5);
    }
  }

  /** What came back: the final URI after redirects, status, headers and the (decompressed) body. */
  public record Response(URI uri, int status, java.net.http.HttpHeaders headers, byte[] body) {
    public Optional<String> header(String name) {
      return headers.firstValue(name);
    }
  }

  public static class OutboundException extends RuntimeException {
    public OutboundException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final NetworkGuard guard;
  private final Policy defaults;
  private final HttpClient client;
  private final String userAgent;

  public OutboundHttp(NetworkGuard guard, Policy defaults, String userAgent) {
    this.guard = guard;
    this.defaults = defaults;
    this.userAgent = userAgent;
    this.client = HttpClient.newBuilder()
        .connectTimeout(defaults.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER) // followed here so that each hop is checked
        .build();
  }

  public Response get(URI uri, Map<String, String> headers) {
    return send("GET", uri, headers, null, defaults);
  }

  public Response send(String method, URI uri, Map<String, String> headers, byte[] body, Policy policy) {
    // one deadline for the whole request: every redirect hop and the reading of the body
    long deadline = System.nanoTime() + policy.requestTimeout().toNanos();
    URI current = uri;
    boolean sameOrigin = true;
    for (int hop = 0; ; hop++) {
      guard.check(current);
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        throw new OutboundException("No answer from " + current.getHost() + " within " + describe(policy.requestTimeout()), null);
      }
      HttpRequest.Builder request = HttpRequest.newBuilder(current)
          // no h2c upgrade on plain http: some servers (Node among them) drop the connection on it
          .version("http".equalsIgnoreCase(current.getScheme()) ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2)
          .timeout(Duration.ofNanos(remaining))
          .header("User-Agent", userAgent)
          .header("Accept-Encoding", "gzip");
      boolean keepCredentials = sameOrigin;
      headers.forEach((name, value) -> {
        if (keepCredentials || !CREDENTIALS.contains(name.toLowerCase(Locale.ROOT))) {
          request.header(name, value);
        }
      });
      request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
      HttpResponse<InputStream> response;
      try {
        response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      } catch (HttpTimeoutException e) {
        throw new OutboundException("No answer from " + current.getHost() + " within " + describe(policy.requestTimeout()), e);
      } catch (IOException e) {
        throw new OutboundException("Could not reach " + current.getHost() + ": " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new OutboundException("Interrupted while fetching " + current, e);
      }
      int status = response.statusCode();
      Optional<String> location = response.headers().firstValue("Location");
      if (status >= 300 && status < 400 && status != 304 && location.isPresent()) {
        closeQuietly(response.body());
        if (hop >= policy.maxRedirects()) {
          throw new OutboundException("Too many redirects (more than " + policy.maxRedirects() + ") from " + uri, null);
        }
        URI next = current.resolve(location.get().strip());
        // as browsers do: credentials meant for one site are not handed on to another one it redirects to
        sameOrigin = sameOrigin && origin(next).equals(origin(uri));
        current = next;
        if (status == 303) {
          method = "GET";
          body = null;
        }
        continue;
      }
      byte[] bytes = readCapped(response, policy.maxBodyBytes(), deadline, policy.requestTimeout());
      return new Response(current, status, response.headers(), bytes);
    }
  }

  /** Request headers that carry credentials, dropped once a redirect leaves the first origin. */
  private static final Set<String> CREDENTIALS = Set.of("authorization", "cookie", "proxy-authorization");

  /** Closes body streams that outlive the request's deadline, so that a stalled answer cannot hold a thread. */
  private static final ScheduledThreadPoolExecutor DEADLINES = new ScheduledThreadPoolExecutor(1, r -> {
    Thread t = new Thread(r, "socius-outbound-deadlines");
    t.setDaemon(true);
    return t;
  });

  static {
    DEADLINES.setRemoveOnCancelPolicy(true);
  }

  private static String origin(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    return scheme + "://" + (uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT)) + ":" + port;
  }

  private static String describe(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private static byte[] readCapped(HttpResponse<InputStream> response, long cap, long deadline, Duration timeout) {
    String host = response.uri().getHost();
    boolean gzip = response.headers().firstValue("Content-Encoding").map(v -> v.toLowerCase().contains("gzip")).orElse(false);
    InputStream raw = response.body();
    // closing the stream wakes a read that waits for data, which then ends early: the flag tells that apart from the end
    AtomicBoolean late = new AtomicBoolean();
    ScheduledFuture<?> alarm = DEADLINES.schedule(() -> {
      late.set(true);
      closeQuietly(raw);
    }, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    try (raw; InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[16 * 1024];
      long total = 0;
      for (int n; (n = in.read(buffer)) != -1; ) {
        total += n;
        if (total > cap) {
          throw new OutboundException("The answer from " + host + " is larger than the limit of " + cap + " bytes", null);
        }
        out.write(buffer, 0, n);
      }
      if (!alarm.cancel(false) || late.get()) {
        throw incomplete(host, timeout, null);
      }
      return out.toByteArray();
    } catch (IOException e) {
      if (late.get()) {
        throw incomplete(host, timeout, e);
      }
      throw new OutboundException("Reading the answer from " + host + " failed: " + e.getMessage(), e);
    } finally {
      alarm.cancel(false);
    }
  }

  private static OutboundException incomplete(String host, Duration timeout, Throwable cause) {
    return new OutboundException("The answer from " + host + " was not complete within " + describe(timeout), cause);
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // the redirect body is not needed
    }
  }
}
