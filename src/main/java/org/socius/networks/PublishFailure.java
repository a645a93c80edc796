package org.socius.networks;

import java.time.Instant;

/** A publish that did not happen (yet), with the reason in words and whether to try again. */
public class PublishFailure extends RuntimeException {

  private final boolean retryable;
  private final Instant retryAfter;

  public PublishFailure(String message, boolean retryable, Instant retryAfter) {
    super(message);
    this.retryable = retryable;
    this.retryAfter = retryAfter;
  }

  public boolean retryable() {
    return retryable;
  }

  /** The earliest time a retry may be sent, or null for "with backoff". */
  public Instant retryAfter() {
    return retryAfter;
  }
}
