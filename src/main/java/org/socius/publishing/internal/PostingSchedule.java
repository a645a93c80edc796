package org.socius.publishing.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.socius.platform.DomainException;

/**
 * The weekly posting slots of a channel, read as wall-clock times in the workspace's time zone,
 * so "Monday 08:15" stays 08:15 for the reader on both sides of a daylight-saving change.
 *
 * <p>On the days the clocks change:
 *
 * <ul>
 *   <li>a slot inside a spring-forward gap moves forward by the length of the gap (02:30 on the day
 *       Berlin goes from 02:00 to 03:00 is posted at 03:30), so it is late rather than lost;
 *   <li>a slot inside a fall-back overlap happens once, at the earlier of the two offsets, so a post
 *       never goes out twice or an hour later than the reader expects;
 *   <li>two slots that land on the same instant this way count as one.
 * </ul>
 */
public final class PostingSchedule {

  private PostingSchedule() {}

  /** A weekday and a time to the minute; written and read as {@code mon 08:15}. */
  public record Slot(DayOfWeek day, LocalTime time) implements Comparable<Slot> {

    public Slot {
      if (day == null || time == null || time.getSecond() != 0 || time.getNano() != 0) {
        throw new DomainException.Invalid("slot", "problem.slot", day + " " + time);
      }
    }

    /** Reads {@code mon 08:15} or {@code Monday 8:15} (English day names, any case). */
    public static Slot parse(String text) {
      String[] words = text == null ? new String[0] : text.strip().split("\\s+");
      if (words.length == 2) {
        DayOfWeek day = day(words[0]);
        if (day != null && words[1].matches("\\d{1,2}:\\d{2}")) {
          try {
            return new Slot(day, LocalTime.parse(words[1].length() == 4 ? "0" + words[1] : words[1]));
          } catch (DateTimeParseException e) {
            // falls through to the refusal below
          }
        }
      }
      throw new DomainException.Invalid("slot", "problem.slot", String.valueOf(text));
    }

    public String code() {
      return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT) + " " + time;
    }

    @Override
    public int compareTo(Slot other) {
      int byDay = day.compareTo(other.day);
      return byDay != 0 ? byDay : time.compareTo(other.time);
    }

    private static DayOfWeek day(String word) {
      String lower = word.toLowerCase(Locale.ROOT);
      for (DayOfWeek day : DayOfWeek.values()) {
        String full = day.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
        if (lower.length() >= 3 && full.startsWith(lower)) {
          return day;
        }
      }
      return null;
    }
  }

  /** Every slot instant strictly after {@code after} and at or before {@code until}, ascending. */
  public static List<Instant> upcoming(Collection<Slot> slots, ZoneId zone, Instant after, Instant until) {
    Objects.requireNonNull(zone);
    TreeSet<Instant> instants = new TreeSet<>();
    if (slots.isEmpty() || !until.isAfter(after)) {
      return List.of();
    }
    // a day either side: a gap can push a late slot past midnight, and offsets differ from UTC
    LocalDate last = until.atZone(zone).toLocalDate().plusDays(1);
    for (LocalDate date = after.atZone(zone).toLocalDate().minusDays(1); !date.isAfter(last); date = date.plusDays(1)) {
      for (Slot slot : slots) {
        if (slot.day() == date.getDayOfWeek()) {
          // ZonedDateTime.of shifts a gap forward by its length and takes the earlier offset in an overlap
          Instant at = ZonedDateTime.of(date, slot.time(), zone).toInstant();
          if (at.isAfter(after) && !at.isAfter(until)) {
            instants.add(at);
          }
        }
      }
    }
    return new ArrayList<>(instants);
  }

  /** The first upcoming slot not already taken, looking at most {@code horizon} ahead. */
  public static Optional<Instant> nextFree(
      Collection<Slot> slots, ZoneId zone, Instant after, Set<Instant> taken, Duration horizon) {
    return upcoming(slots, zone, after, after.plus(horizon)).stream()
        .filter(at -> !taken.contains(at))
        .findFirst();
  }
}
