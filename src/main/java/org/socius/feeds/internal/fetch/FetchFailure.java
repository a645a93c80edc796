package org.socius.feeds.internal.fetch;

import java.time.Duration;

/**
 * A fetch that brought no feed, with the reason in words for the feed's page ("The server
 * answered 503 Service Unavailable", "This is an HTML page, not a feed") and, when the server
 * asked for it (Retry-After on 429 or 503), how long to wait before the next try.
 */
public class FetchFailure extends RuntimeException {

  private final Duration retryAfter;

  public FetchFailure(String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  /** The wait the server asked for, or null. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
