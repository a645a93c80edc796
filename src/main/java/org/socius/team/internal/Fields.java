package org.socius.team.internal;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.socius.platform.DomainException;
import org.socius.team.Workspace;

/** Checks of user input shared by the team actions; each failure names its field. */
public final class Fields {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern SLUG = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$");
  public static final int MIN_PASSWORD = 10;
  public static final int MAX_PASSWORD_BYTES = 72; // bcrypt reads no further

  private Fields() {}

  public static String text(String field, String value, int max) {
    String v = value == null ? "" : value.strip();
    if (v.isEmpty()) {
      throw new DomainException.Invalid(field, "problem.required");
    }
    return optionalText(field, v, max);
  }

  public static String optionalText(String field, String value, int max) {
    String v = value == null ? "" : value.strip();
    if (v.codePointCount(0, v.length()) > max) {
      throw new DomainException.Invalid(field, "problem.too-long", max);
    }
    if (v.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
      throw new DomainException.Invalid(field, "problem.control-characters");
    }
    return v;
  }

  public static String email(String value) {
    String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    if (v.length() > 320 || !EMAIL.matcher(v).matches()) {
      throw new DomainException.Invalid("email", "problem.email");
    }
    return v;
  }

  public static String password(String field, String value) {
    if (value == null || value.codePointCount(0, value.length()) < MIN_PASSWORD) {
      throw new DomainException.Invalid(field, "problem.password-short", MIN_PASSWORD);
    }
    if (value.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
      throw new DomainException.Invalid(field, "problem.password-long", MAX_PASSWORD_BYTES);
    }
    return value;
  }

  public static String slug(String value) {
    String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    if (!SLUG.matcher(v).matches()) {
      throw new DomainException.Invalid("slug", "problem.slug");
    }
    return v;
  }

  /** A slug suggestion from a name: "Café Übermorgen!" becomes "cafe-ubermorgen". */
  public static String slugFrom(String name) {
    String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > 50) {
      slug = slug.substring(0, 50).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? "workspace" : slug;
  }

  public static ZoneId timeZone(String value) {
    try {
      return ZoneId.of(value == null ? "" : value.strip());
    } catch (DateTimeException e) {
      throw new DomainException.Invalid("timeZone", "problem.time-zone");
    }
  }

  public static Locale locale(String value) {
    try {
      Locale locale = new Locale.Builder().setLanguageTag(value == null ? "" : value.strip()).build();
      if (locale.getLanguage().isEmpty()) {
        throw new IllformedLocaleException("empty");
      }
      return locale;
    } catch (IllformedLocaleException e) {
      throw new DomainException.Invalid("locale", "problem.locale");
    }
  }

  public static Workspace.Kind kind(String value) {
    if ("brand".equalsIgnoreCase(value)) {
      return Workspace.Kind.BRAND;
    }
    if ("person".equalsIgnoreCase(value)) {
      return Workspace.Kind.PERSON;
    }
    throw new DomainException.Invalid("kind", "problem.kind");
  }

  public static String theme(String value) {
    if (value != null && (value.equals("system") || value.equals("light") || value.equals("dark"))) {
      return value;
    }
    throw new DomainException.Invalid("theme", "problem.theme");
  }
}
