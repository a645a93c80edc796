package org.socius.people.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Pattern;
import org.socius.platform.DomainException;

/** Checks of what members type about people; each failure names its field. */
final class Input {

  private static final Pattern TAG = Pattern.compile("^[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0,59}$");

  private Input() {}

  static String required(String field, String value, int max) {
    String v = optional(field, value, max);
    if (v.isEmpty()) {
      throw new DomainException.Invalid(field, "problem.required");
    }
    return v;
  }

  static String optional(String field, String value, int max) {
    String v = value == null ? "" : value.strip();
    if (v.codePointCount(0, v.length()) > max) {
      throw new DomainException.Invalid(field, "problem.too-long", max);
    }
    if (v.chars().anyMatch(c -> (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f)) {
      throw new DomainException.Invalid(field, "problem.control-characters");
    }
    return v;
  }

  /** A tag: letters, digits, space, dot, underscore or hyphen, up to 60, kept lower-case. */
  static String tag(String value) {
    String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    if (!TAG.matcher(v).matches()) {
      throw new DomainException.Invalid("tag", "problem.tag");
    }
    return v;
  }

  /** An http(s) address, or blank. */
  static String website(String value) {
    String v = optional("website", value, 2000);
    if (v.isEmpty()) {
      return v;
    }
    try {
      URI uri = new URI(v);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return v;
      }
    } catch (URISyntaxException e) {
      // refused below
    }
    throw new DomainException.Invalid("website", "problem.website");
  }

  /** A time zone name such as Europe/Berlin, or blank. */
  static String timeZone(String value) {
    String v = optional("timeZone", value, 60);
    if (v.isEmpty()) {
      return v;
    }
    try {
      return ZoneId.of(v).getId();
    } catch (DateTimeException e) {
      throw new DomainException.Invalid("timeZone", "problem.time-zone");
    }
  }

  /** Days between contacts (1–3650), or null for none. */
  static Integer cadence(Integer days) {
    if (days != null && (days < 1 || days > 3650)) {
      throw new DomainException.Invalid("cadenceDays", "problem.cadence");
    }
    return days;
  }
}
