package org.socius.feeds.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The table feed_host_turns (PostgreSQL): the start times of fetches per host, handed out to all
 * nodes on the database, one spacing apart. Used outside transactions, so a turn is taken and
 * committed by one statement and the row is locked only for that statement.
 */
public class HostTurnStore {

  private static final long PRUNE_EVERY = Duration.ofHours(1).toMillis();
  private static final long UNUSED = Duration.ofDays(1).toMillis();

  private final JdbcClient jdbc;
  private final AtomicLong prunedAt = new AtomicLong();

  public HostTurnStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Takes the host's next free start at or after {@code earliest} and moves the host's next free
   * start one spacing past it. ON CONFLICT DO UPDATE locks the host's row, so concurrent takers
   * (on any node) each read the value the one before them wrote: their turns are distinct and
   * spaced.
   */
  public Instant take(String host, Instant earliest, Duration spacing) {
    long at = earliest.toEpochMilli();
    pruneNowAndThen(at);
    long turn = jdbc.sql("""
        INSERT INTO feed_host_turns (host, next_at) VALUES (:host, :at + :spacing)
        ON CONFLICT (host) DO UPDATE SET next_at = GREATEST(feed_host_turns.next_at, :at) + :spacing
        RETURNING next_at - :spacing""")
        .param("host", host).param("at", at).param("spacing", spacing.toMillis()).query(Long.class).single();
    return Instant.ofEpochMilli(turn);
  }

  /** Hosts unused for a day: a row long past means the same as none, so deleting it races with nothing. */
  private void pruneNowAndThen(long now) {
    long last = prunedAt.get();
    if (now - last >= PRUNE_EVERY && prunedAt.compareAndSet(last, now)) {
      jdbc.sql("DELETE FROM feed_host_turns WHERE next_at < :before").param("before", now - UNUSED).update();
    }
  }
}
