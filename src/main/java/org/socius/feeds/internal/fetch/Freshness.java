package org.socius.feeds.internal.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The caching headers a polite poller honours: Cache-Control max-age, Expires, Retry-After. */
final class Freshness {

  private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])(?:s-)?max-age\\s*=\\s*\"?(\\d{1,10})");
  static final Duration RETRY_AFTER_CAP = Duration.ofDays(1);

  private Freshness() {}

  /** How long the answer stays fresh, from Cache-Control (max-age, no-cache) or else Expires; null when neither says. */
  static Duration freshFor(Optional<String> cacheControl, Optional<String> expires, Optional<String> date, Instant now) {
    if (cacheControl.isPresent()) {
      String cc = cacheControl.get().toLowerCase(Locale.ROOT);
      if (cc.contains("no-cache") || cc.contains("no-store")) {
        return Duration.ZERO;
      }
      Matcher m = MAX_AGE.matcher(cc);
      if (m.find()) {
        return Duration.ofSeconds(Math.min(Long.parseLong(m.group(1)), RETRY_AFTER_CAP.toSeconds()));
      }
    }
    if (expires.isPresent()) {
      Instant at = httpDate(expires.get());
      if (at == null) {
        return Duration.ZERO; // "Expires: 0" and other invalid dates mean already expired
      }
      Instant reference = date.map(Freshness::httpDate).orElse(now);
      Duration d = Duration.between(reference == null ? now : reference, at);
      return d.isNegative() ? Duration.ZERO : min(d, RETRY_AFTER_CAP);
    }
    return null;
  }

  /** Retry-After as seconds or an HTTP date, capped at a day; null when absent or unreadable. */
  static Duration retryAfter(Optional<String> header, Instant now) {
    if (header.isEmpty()) {
      return null;
    }
    String v = header.get().strip();
    if (v.matches("\\d{1,10}")) {
      return min(Duration.ofSeconds(Long.parseLong(v)), RETRY_AFTER_CAP);
    }
    Instant at = httpDate(v);
    if (at == null) {
      return null;
    }
    Duration d = Duration.between(now, at);
    return d.isNegative() ? Duration.ZERO : min(d, RETRY_AFTER_CAP);
  }

  static Instant httpDate(String text) {
    try {
      return ZonedDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
