package org.socius.feeds.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.socius.platform.Database;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Politeness per host: starts on one host spaced apart, and at most a few fetches from one host
 * at a time on this node. A fetch that cannot start now gets a turn (one spacing after the last
 * one given out for its host) and is rescheduled for it, holding the turn, so that 500 feeds on
 * one host that fall due together are fetched one after another, each rescheduled once, rather
 * than at once or over and over. On PostgreSQL the turns come from the database and so are
 * spaced across all nodes; on SQLite (one node) they are kept in memory.
 */
@Component
public class HostLimits {

  private final int perHost;
  private final Duration spacing;
  private final HostTurnStore shared; // null: turns in memory
  private final Map<String, Slot> slots = new ConcurrentHashMap<>();

  @Autowired
  HostLimits(@Value("${socius.feeds.per-host-concurrency:2}") int perHost,
      @Value("${socius.feeds.per-host-spacing:250ms}") Duration spacing, Database database, JdbcClient jdbc) {
    this(perHost, spacing, database.isSqlite() ? null : new HostTurnStore(jdbc));
  }

  /** Turns from the given store, or kept in memory when it is null. */
  public HostLimits(int perHost, Duration spacing, HostTurnStore shared) {
    this.perHost = Math.max(1, perHost);
    this.spacing = spacing;
    this.shared = shared;
  }

  private static final class Slot {
    int running;
    Instant nextStart = Instant.EPOCH; // in memory only
  }

  /**
   * Null when the fetch may start now (then {@link #release} must follow); otherwise the turn to
   * reschedule the fetch for, which the caller holds and hands back as {@code held} then. A held
   * turn that has come needs no new one, unless this node's fetches from the host are all busy.
   */
  public Instant reserve(String host, Instant held, Instant now) {
    Slot slot = slots.computeIfAbsent(host, h -> new Slot());
    synchronized (slot) {
      if (held != null && held.isAfter(now)) {
        return held; // early (Refresh now, or a poll ahead of time): keep the turn it was given
      }
      boolean free = slot.running < perHost;
      if (held != null && free) {
        slot.running++;
        return null;
      }
      // with every fetch busy, a turn no sooner than one spacing on (one of them will be done by then)
      Instant turn = take(slot, host, free ? now : now.plus(spacing));
      if (free && !turn.isAfter(now)) {
        slot.running++;
        return null;
      }
      return turn;
    }
  }

  public void release(String host) {
    Slot slot = slots.get(host);
    if (slot != null) {
      synchronized (slot) {
        slot.running--;
      }
    }
  }

  /** The host's next free start at or after {@code earliest}, to the millisecond; the one after it is one spacing later. */
  private Instant take(Slot slot, String host, Instant earliest) {
    if (shared != null) {
      return shared.take(host, earliest, spacing);
    }
    Instant at = earliest.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    Instant turn = slot.nextStart.isAfter(at) ? slot.nextStart : at;
    slot.nextStart = turn.plus(spacing);
    return turn;
  }
}
