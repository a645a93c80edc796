package org.socius.people.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * Keeping in touch: a person with a cadence of n days is due n days after the last interaction
 * in either direction — any interaction, a logged one included, starts the count again — or,
 * with none yet, n days after they were added. {@link PersonStore#reconnect} asks the same in SQL.
 */
public final class KeepInTouch {

  private KeepInTouch() {}

  /** The last interaction after a new one: the newer of the two (a late import never moves it back). */
  public static Instant afterInteraction(Instant last, Instant at) {
    return last == null || at.isAfter(last) ? at : last;
  }

  /** When the person is due, or null without a cadence. */
  public static Instant dueAt(Integer cadenceDays, Instant lastInteractionAt, Instant createdAt) {
    if (cadenceDays == null) {
      return null;
    }
    return (lastInteractionAt == null ? createdAt : lastInteractionAt).plus(Duration.ofDays(cadenceDays));
  }

  /** Whole days past due (0 when not due yet, or without a cadence). */
  public static long daysOverdue(Integer cadenceDays, Instant lastInteractionAt, Instant createdAt, Instant now) {
    Instant due = dueAt(cadenceDays, lastInteractionAt, createdAt);
    return due == null || !now.isAfter(due) ? 0 : Duration.between(due, now).toDays();
  }
}
