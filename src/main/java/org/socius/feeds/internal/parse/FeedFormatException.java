package org.socius.feeds.internal.parse;

/** The document is not a feed Socius can read; the message says why in words a person can act on. */
public class FeedFormatException extends RuntimeException {
  public FeedFormatException(String message) {
    super(message);
  }

  public FeedFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
