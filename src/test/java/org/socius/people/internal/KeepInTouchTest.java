package org.socius.people.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KeepInTouchTest {

  static final Instant ADDED = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void dueCadenceDaysAfterTheLastInteractionOrAfterBeingAdded() {
    assertThat(KeepInTouch.dueAt(null, null, ADDED)).isNull();
    assertThat(KeepInTouch.dueAt(30, null, ADDED)).isEqualTo(ADDED.plus(Duration.ofDays(30)));
    Instant met = ADDED.plus(Duration.ofDays(10));
    assertThat(KeepInTouch.dueAt(30, met, ADDED)).isEqualTo(met.plus(Duration.ofDays(30)));
  }

  @Test
  void anyInteractionResetsTheCount() {
    Instant last = ADDED.plus(Duration.ofDays(5));
    Instant now = last.plus(Duration.ofDays(45));
    assertThat(KeepInTouch.daysOverdue(30, last, ADDED, now)).isEqualTo(15);
    // a contact logged today, in either direction: not due for another 30 days
    Instant reset = KeepInTouch.afterInteraction(last, now);
    assertThat(reset).isEqualTo(now);
    assertThat(KeepInTouch.daysOverdue(30, reset, ADDED, now)).isZero();
    assertThat(KeepInTouch.dueAt(30, reset, ADDED)).isEqualTo(now.plus(Duration.ofDays(30)));
  }

  @Test
  void anOlderInteractionNeverMovesTheCountBack() {
    Instant last = ADDED.plus(Duration.ofDays(20));
    assertThat(KeepInTouch.afterInteraction(last, ADDED.plus(Duration.ofDays(2)))).isEqualTo(last);
    assertThat(KeepInTouch.afterInteraction(null, ADDED)).isEqualTo(ADDED);
  }

  @Test
  void notOverdueOnTheDayItIsDue() {
    Instant due = ADDED.plus(Duration.ofDays(7));
    assertThat(KeepInTouch.daysOverdue(7, null, ADDED, due)).isZero();
    assertThat(KeepInTouch.daysOverdue(7, null, ADDED, due.plus(Duration.ofDays(1)))).isEqualTo(1);
  }
}
