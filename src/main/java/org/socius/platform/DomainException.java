package org.socius.platform;

/**
 * A request that cannot be carried out, with the reason in words. The web layer turns each kind
 * into its HTTP status (RFC 9457 problem+json for the API, an error page or form message for pages).
 */
public abstract class DomainException extends RuntimeException {

  protected DomainException(String message) {
    super(message);
  }

  /** 404: absent, or not visible to the caller (the two are not told apart). */
  public static final class NotFound extends DomainException {
    public NotFound(String message) {
      super(message);
    }
  }

  /** 403: visible to the caller, but their role does not allow this. */
  public static final class Forbidden extends DomainException {
    public Forbidden(String message) {
      super(message);
    }
  }

  /** 400 (422 semantics): a field's value is not acceptable; {@link #field()} names it. */
  public static final class Invalid extends DomainException {
    private final String field;

    public Invalid(String field, String message) {
      super(message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  /** 409: the request conflicts with the current state (e.g. removing the last owner). */
  public static final class Conflict extends DomainException {
    public Conflict(String message) {
      super(message);
    }
  }

  /** 429: too many attempts; {@link #retryAfterSeconds()} says when to try again. */
  public static final class TooMany extends DomainException {
    private final long retryAfterSeconds;

    public TooMany(String message, long retryAfterSeconds) {
      super(message);
      this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }
}
