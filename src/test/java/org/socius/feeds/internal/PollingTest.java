package org.socius.feeds.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The polling rules: adaptive interval between the minimum and a day, backoff that never gives up (per-host turns: HostLimitsTest). */
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
}
