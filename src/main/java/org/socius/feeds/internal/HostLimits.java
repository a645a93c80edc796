package org.socius.feeds.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Politeness per host on this node: at most a few fetches from one host at a time, and starts on
 * one host spaced apart. A fetch that cannot start now gets a reserved start time (one spacing
 * after the last one given out for its host) and is rescheduled for it, so that 500 feeds on one
 * host that fall due together are fetched one after another, each rescheduled once, rather than
 * at once or over and over.
 */
@Component
public class HostLimits {

  private final int perHost;
  private final Duration spacing;
  private final Map<String, Slot> slots = new ConcurrentHashMap<>();

  public HostLimits(@Value("${socius.feeds.per-host-concurrency:2}") int perHost,
      @Value("${socius.feeds.per-host-spacing:250ms}") Duration spacing) {
    this.perHost = Math.max(1, perHost);
    this.spacing = spacing;
  }

  private static final class Slot {
    int running;
    Instant nextStart = Instant.MIN;
    final Map<String, Instant> reserved = new HashMap<>();
  }

  /**
   * Null when the feed's fetch may start now (then {@link #release} must follow); otherwise the
   * time reserved for it, to reschedule the fetch for.
   */
  public Instant reserve(String host, String feedId, Instant now) {
    Slot slot = slots.computeIfAbsent(host, h -> new Slot());
    synchronized (slot) {
      Instant mine = slot.reserved.remove(feedId);
      boolean itsTurn = mine != null ? !mine.isAfter(now) : !slot.nextStart.isAfter(now);
      if (itsTurn && slot.running < perHost) {
        slot.running++;
        if (slot.nextStart.isBefore(now.plus(spacing))) {
          slot.nextStart = now.plus(spacing);
        }
        return null;
      }
      if (mine != null && mine.isAfter(now)) {
        slot.reserved.put(feedId, mine); // early: keep the time it was given
        return mine;
      }
      Instant at = (slot.nextStart.isAfter(now) ? slot.nextStart : now.plus(spacing)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
      slot.nextStart = at.plus(spacing);
      slot.reserved.put(feedId, at);
      return at;
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
}
