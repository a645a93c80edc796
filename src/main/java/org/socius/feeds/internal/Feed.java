package org.socius.feeds.internal;

import java.time.Instant;

/** A feed as stored once for every workspace that reads it, with the state of its polling. */
public record Feed(String id, String url, String host, String title, String siteUrl, String description, String imageUrl,
    String author, String authorUri, String format, String etag, String lastModified, int intervalSeconds, Instant nextFetchAt,
    Instant lastFetchedAt, Instant lastSuccessAt, int errorCount, String lastError, Instant createdAt) {

  /** The feed's title, else its address. */
  public String name() {
    return title.isBlank() ? url : title;
  }

  public boolean failing() {
    return errorCount > 0;
  }
}
