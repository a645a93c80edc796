package org.socius.feeds.internal.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as feeds write them: RFC 822/1123 (with or without the day name, two- or four-digit
 * years, named or numeric zones) and ISO 8601 / RFC 3339 (with or without seconds, fraction or
 * zone; a date alone). A time without a zone is taken as UTC. An impossible date (month 13) is
 * no date at all rather than a guess.
 */
public final class FeedDates {

  private static final Pattern RFC822 = Pattern.compile(
      "(?:[A-Za-z]+,?\\s+)?(\\d{1,2})[\\s-]+([A-Za-z]{3,9})\\.?[\\s-]+(\\d{2,4})(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?)?\\s*([A-Za-z]{1,5}|[+-]\\d{2}:?\\d{2})?");
  private static final Pattern ISO = Pattern.compile(
      "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[Tt\\s]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9})\\d*)?)?)?\\s*(Z|z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?");
  private static final Map<String, String> MONTHS = Map.ofEntries(Map.entry("jan", "1"), Map.entry("feb", "2"),
      Map.entry("mar", "3"), Map.entry("apr", "4"), Map.entry("may", "5"), Map.entry("jun", "6"), Map.entry("jul", "7"),
      Map.entry("aug", "8"), Map.entry("sep", "9"), Map.entry("oct", "10"), Map.entry("nov", "11"), Map.entry("dec", "12"));
  private static final Map<String, Integer> ZONES = Map.ofEntries(Map.entry("GMT", 0), Map.entry("UT", 0), Map.entry("UTC", 0),
      Map.entry("Z", 0), Map.entry("EST", -5), Map.entry("EDT", -4), Map.entry("CST", -6), Map.entry("CDT", -5),
      Map.entry("MST", -7), Map.entry("MDT", -6), Map.entry("PST", -8), Map.entry("PDT", -7), Map.entry("CET", 1),
      Map.entry("CEST", 2), Map.entry("BST", 1), Map.entry("IST", 5), Map.entry("JST", 9), Map.entry("AEST", 10));

  private FeedDates() {}

  /** The instant the text names, or null when it names none. */
  public static Instant parse(String text) {
    if (text == null) {
      return null;
    }
    String s = text.strip();
    if (s.isEmpty() || s.length() > 64) {
      return null;
    }
    try {
      Matcher m = ISO.matcher(s);
      if (m.matches()) {
        LocalDateTime t = LocalDateTime.of(i(m.group(1)), i(m.group(2)), i(m.group(3)), opt(m.group(4)), opt(m.group(5)),
            opt(m.group(6)), nanos(m.group(7)));
        return t.toInstant(offset(m.group(8)));
      }
      m = RFC822.matcher(s);
      if (m.matches()) {
        String month = MONTHS.get(m.group(2).substring(0, 3).toLowerCase(Locale.ROOT));
        if (month == null) {
          return null;
        }
        int year = i(m.group(3));
        if (m.group(3).length() == 2) {
          year += year < 70 ? 2000 : 1900;
        }
        LocalDateTime t = LocalDateTime.of(year, i(month), i(m.group(1)), opt(m.group(4)), opt(m.group(5)), opt(m.group(6)));
        return t.toInstant(offset(m.group(7)));
      }
    } catch (DateTimeException e) {
      return null;
    }
    return null;
  }

  private static ZoneOffset offset(String zone) {
    if (zone == null) {
      return ZoneOffset.UTC;
    }
    if (zone.startsWith("+") || zone.startsWith("-")) {
      String digits = zone.substring(1).replace(":", "");
      int hours = Integer.parseInt(digits.substring(0, 2));
      int minutes = digits.length() >= 4 ? Integer.parseInt(digits.substring(2, 4)) : 0;
      int sign = zone.startsWith("-") ? -1 : 1;
      return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }
    Integer hours = ZONES.get(zone.toUpperCase(Locale.ROOT));
    return ZoneOffset.ofHours(hours == null ? 0 : hours); // an unknown zone name: UTC rather than no date
  }

  private static int i(String s) {
    return Integer.parseInt(s);
  }

  private static int opt(String s) {
    return s == null ? 0 : Integer.parseInt(s);
  }

  private static int nanos(String fraction) {
    if (fraction == null) {
      return 0;
    }
    return Integer.parseInt((fraction + "000000000").substring(0, 9));
  }
}
