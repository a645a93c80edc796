package org.socius.platform;

import java.util.Locale;

/**
 * A request that cannot be carried out, with the reason in words. The reason is a key of the
 * message bundle (with arguments), so pages show it in the reader's language; {@link #getMessage()}
 * is the English text. The web layer turns each kind into its HTTP status (RFC 9457
 * problem+json for the API, an error page or form message for pages).
 */
public abstract class DomainException extends RuntimeException {

  private final String key;
  private final Object[] args;

  protected DomainException(String key, Object... args) {
    super(Messages.format(key, args, Locale.ENGLISH));
    this.key = key;
    this.args = args;
  }

  /** The message key of the reason, e.g. {@code problem.form-letter}. */
  public String key() {
    return key;
  }

  /** The reason in the given language. */
  public String messageIn(Locale locale) {
    return Messages.format(key, args, locale);
  }

  /** 404: absent, or not visible to the caller (the two are not told apart). */
  public static final class NotFound extends DomainException {
    public NotFound(String key, Object... args) {
      super(key, args);
    }
  }

  /** 403: visible to the caller, but their role does not allow this. */
  public static final class Forbidden extends DomainException {
    public Forbidden(String key, Object... args) {
      super(key, args);
    }
  }

  /** 400 (422 semantics): a field's value is not acceptable; {@link #field()} names it. */
  public static final class Invalid extends DomainException {
    private final String field;

    public Invalid(String field, String key, Object... args) {
      super(key, args);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  /** 409: the request conflicts with the current state (e.g. removing the last owner). */
  public static final class Conflict extends DomainException {
    public Conflict(String key, Object... args) {
      super(key, args);
    }
  }

  /** 429: too many attempts; {@link #retryAfterSeconds()} says when to try again. */
  /** 502: another service (a network) refused or could not be reached; trying again later may work. */
  public static final class Upstream extends DomainException {
    public Upstream(String key, Object... args) {
      super(key, args);
    }
  }

  public static final class TooMany extends DomainException {
    private final long retryAfterSeconds;

    public TooMany(String key, long retryAfterSeconds, Object... args) {
      super(key, args);
      this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }
}
