package org.socius.feeds.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The polling rules: adaptive interval between the minimum and a day, backoff that never gives up, per-host spacing. */
class PollingTest {

  private final PollingPolicy policy = new PollingPolicy(Duration.ofMinutes(15));
  private final Instant now = Instant.parse("2026-11-26T12:00:00Z");

  @Test
  void theIntervalFollowsTheFeedsOwnRhythm() {
    List<Instant> hourly = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      hourly.add(now.minus(Duration.ofHours(i)));
    }
    assertThat(policy.adaptive(hourly, now)).isEqualTo(Duration.ofDays(7).dividedBy(50));
    List<Instant> twiceADay = new ArrayList<>();
    for (int i = 0; i < 14; i++) {
      twiceADay.add(now.minus(Duration.ofHours(12L * i + 1)));
    }
    assertThat(policy.adaptive(twiceADay, now)).isEqualTo(Duration.ofHours(12));
    assertThat(policy.adaptive(List.of(now.minus(Duration.ofDays(1)), now.minus(Duration.ofDays(3))), now))
        .as("twice a week: still once a day").isEqualTo(Duration.ofHours(24));
    assertThat(policy.adaptive(List.of(now.minus(Duration.ofDays(30))), now)).as("quiet feeds: once a day").isEqualTo(Duration.ofHours(24));
    List<Instant> busy = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      busy.add(now.minusSeconds(i));
    }
    assertThat(policy.adaptive(busy, now)).as("never below the minimum").isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void aServersFreshnessLengthensTheWaitUpToADay() {
    Instant next = policy.next(Duration.ofMinutes(15), Duration.ofHours(2), now);
    assertThat(next).isBetween(now.plus(Duration.ofHours(2)), now.plus(Duration.ofMinutes(126)));
    assertThat(policy.next(Duration.ofMinutes(15), Duration.ofDays(9), now)).isBefore(now.plus(Duration.ofMinutes(25 * 60 + 13)));
  }

  @Test
  void failuresBackOffExponentiallyToADayAndAreNeverGivenUp() {
    assertThat(policy.backoff(1)).isEqualTo(Duration.ofMinutes(15));
    assertThat(policy.backoff(2)).isEqualTo(Duration.ofMinutes(30));
    assertThat(policy.backoff(4)).isEqualTo(Duration.ofHours(2));
    assertThat(policy.backoff(8)).isEqualTo(Duration.ofHours(24));
    assertThat(policy.backoff(1000)).isEqualTo(Duration.ofHours(24));
    assertThat(policy.afterFailure(1000, null, now)).isBefore(now.plus(Duration.ofHours(26)));
    assertThat(policy.afterFailure(1, Duration.ofHours(3), now)).as("Retry-After wins when longer").isAfter(now.plus(Duration.ofHours(3)));
  }

  @Test
  void feedsOnOneHostGetSpacedTurnsEachRescheduledOnce() {
    HostLimits hosts = new HostLimits(2, Duration.ofSeconds(1));
    assertThat(hosts.reserve("a.example", "f0", now)).isNull();
    List<Instant> turns = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      turns.add(hosts.reserve("a.example", "f" + i, now));
    }
    assertThat(turns).containsExactly(now.plusSeconds(1), now.plusSeconds(2), now.plusSeconds(3), now.plusSeconds(4), now.plusSeconds(5));
    assertThat(hosts.reserve("b.example", "g0", now)).as("other hosts are not held up").isNull();
    hosts.release("a.example");
    assertThat(hosts.reserve("a.example", "f2", now.plusSeconds(1))).as("early: keeps its turn").isEqualTo(now.plusSeconds(2));
    assertThat(hosts.reserve("a.example", "f1", now.plusSeconds(1))).as("its turn").isNull();
    assertThat(hosts.reserve("a.example", "f2", now.plusSeconds(2))).isNull();
    assertThat(hosts.reserve("a.example", "f3", now.plusSeconds(3))).as("two running: waits for one to finish").isNotNull();
  }
}
