package org.socius.feeds.internal.fetch;

import java.net.URI;
import java.time.Duration;
import org.socius.feeds.internal.parse.ParsedFeed;

/** What one fetch of a feed brought: a parsed feed, or word that it has not changed. */
public sealed interface FetchResult {

  /** The validators to send next time (null when the server gave none). */
  String etag();

  String lastModified();

  /** How long the server says the answer stays fresh (Cache-Control max-age, Expires, RSS ttl), or null. */
  Duration freshFor();

  record Fetched(URI address, ParsedFeed feed, String etag, String lastModified, Duration freshFor, int bytes)
      implements FetchResult {}

  record NotModified(String etag, String lastModified, Duration freshFor) implements FetchResult {}
}
