package org.socius.networks.internal;

import java.time.Instant;

/** Why a call to a network did not work, in words, sorted by what to do about it. */
public abstract class AdapterException extends RuntimeException {

  protected AdapterException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The credentials no longer work (revoked token, changed password): the owner must reconnect. */
  public static final class CredentialsRejected extends AdapterException {
    public CredentialsRejected(String message) {
      super(message, null);
    }
  }

  /** The network asked us to wait until {@link #until()}. */
  public static final class RateLimited extends AdapterException {
    private final Instant until;

    public RateLimited(String message, Instant until) {
      super(message, null);
      this.until = until;
    }

    public Instant until() {
      return until;
    }
  }

  /** Timeouts, resets, 5xx: worth another try later. */
  public static final class Transient extends AdapterException {
    public Transient(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The network refused the request itself (a 4xx other than 401/408/429): trying again will not help. */
  public static final class Rejected extends AdapterException {
    private final int status;
    private final String errorCode;

    public Rejected(String message, int status, String errorCode) {
      super(message, null);
      this.status = status;
      this.errorCode = errorCode;
    }

    public int status() {
      return status;
    }

    /** The network's own error name (AT Protocol {@code error}), or null. */
    public String errorCode() {
      return errorCode;
    }
  }

  /** The answer could not be read (bad JSON, missing fields). */
  public static final class Malformed extends AdapterException {
    public Malformed(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
