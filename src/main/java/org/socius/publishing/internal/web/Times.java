package org.socius.publishing.internal.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.socius.platform.DomainException;

/**
 * Times as the workspace lives them: every page shows and reads wall-clock times in the
 * workspace's zone, in the reader's language, so "08:15" means the same to the team and the slots.
 */
public record Times(ZoneId zone, Locale locale) {

  private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  /** "Monday, 7 December 2026". */
  public String day(LocalDate date) {
    return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale));
  }

  public String day(Instant at) {
    return day(date(at));
  }

  /** "08:15" (or "8:15 AM" where that is the custom). */
  public String time(Instant at) {
    return at.atZone(zone).format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale));
  }

  /** "7 Dec 2026, 08:15". */
  public String dateTime(Instant at) {
    return at == null ? "" : at.atZone(zone).format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(locale));
  }

  /** For {@code <time datetime>}. */
  public String iso(Instant at) {
    return at == null ? "" : at.atZone(zone).toOffsetDateTime().toString();
  }

  public LocalDate date(Instant at) {
    return at.atZone(zone).toLocalDate();
  }

  public LocalDate today(Instant now) {
    return date(now);
  }

  public Instant startOf(LocalDate date) {
    return date.atStartOfDay(zone).toInstant();
  }

  /** The value of a {@code datetime-local} input. */
  public String input(Instant at) {
    return at == null ? "" : at.atZone(zone).toLocalDateTime().format(INPUT);
  }

  /**
   * Reads a {@code datetime-local} value in the workspace's zone; blank is null. A time in a
   * daylight-saving gap moves forward, as a posting slot does.
   */
  public Instant parse(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return ZonedDateTime.of(LocalDateTime.parse(value.strip()), zone).toInstant();
    } catch (DateTimeException e) {
      throw new DomainException.Invalid(field, "problem.time");
    }
  }
}
