package org.socius.feeds.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When to fetch a feed next. A healthy feed is fetched about as often as it posts (seven days
 * divided by its posts of the last seven days), never more often than the minimum (15 min by
 * default) or than the server's freshness allows, and at least once a day. A failing feed backs
 * off exponentially from the minimum up to a day, and longer when the server asked for it with
 * Retry-After; it is never given up. A little jitter keeps feeds that were added together apart.
 */
@Component
public class PollingPolicy {

  static final Duration MAX = Duration.ofHours(24);
  private static final Duration WEEK = Duration.ofDays(7);

  private final Duration min;

  public PollingPolicy(@Value("${socius.feeds.min-interval:15m}") Duration min) {
    this.min = min.compareTo(MAX) > 0 ? MAX : min;
  }

  public Duration min() {
    return min;
  }

  /** The interval from the feed's own rhythm: the publication times of its newest items. */
  public Duration adaptive(List<Instant> recent, Instant now) {
    long lastWeek = recent.stream().filter(t -> t.isAfter(now.minus(WEEK)) && !t.isAfter(now.plus(Duration.ofHours(1)))).count();
    if (lastWeek == 0) {
      return MAX;
    }
    return clamp(WEEK.dividedBy(lastWeek));
  }

  /** The next fetch after a success: the interval, or longer when the server says its answer stays fresh longer. */
  public Instant next(Duration interval, Duration freshFor, Instant now) {
    Duration wait = clamp(interval);
    if (freshFor != null && freshFor.compareTo(wait) > 0) {
      wait = freshFor.compareTo(MAX) > 0 ? MAX : freshFor;
    }
    return now.plus(wait).plus(jitter(wait)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // as stored
  }

  /** The next try after the n-th failure in a row. */
  public Instant afterFailure(int failures, Duration retryAfter, Instant now) {
    Duration wait = backoff(failures);
    if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
      wait = retryAfter.compareTo(MAX) > 0 ? MAX : retryAfter;
    }
    return now.plus(wait).plus(jitter(wait)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // as stored
  }

  Duration backoff(int failures) {
    int doublings = Math.max(0, Math.min(failures - 1, 20));
    Duration wait = min.multipliedBy(1L << doublings);
    return wait.compareTo(MAX) > 0 ? MAX : wait;
  }

  private Duration clamp(Duration d) {
    if (d.compareTo(min) < 0) {
      return min;
    }
    return d.compareTo(MAX) > 0 ? MAX : d;
  }

  /** Up to 5 % more, so that feeds added at one moment (an OPML import) do not stay in step. */
  private static Duration jitter(Duration wait) {
    long bound = Math.max(1, wait.toMillis() / 20);
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(bound));
  }
}
