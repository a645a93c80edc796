package org.socius.publishing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.socius.platform.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Puts a ready post's deliveries in time: now, at the asked time, or in each channel's next free
 * posting slot, and plans their executions in the same transaction.
 */
@Component
class Placement {

  static final Duration QUEUE_HORIZON = Duration.ofDays(366);

  private final JdbcClient jdbc;
  private final QueueStore queues;
  private final DeliveryPlan plan;
  private final Clock clock;

  Placement(JdbcClient jdbc, QueueStore queues, DeliveryPlan plan, Clock clock) {
    this.jdbc = jdbc;
    this.queues = queues;
    this.plan = plan;
    this.clock = clock;
  }

  /** Schedules every waiting delivery of the post. */
  void place(String postId, Timing timing, Instant wantedAt, ZoneId zone) {
    Instant now = clock.instant();
    var waiting = jdbc.sql("SELECT id, channel_id FROM deliveries WHERE post_id = :p AND state = 'waiting' ORDER BY id")
        .param("p", postId).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    for (String[] d : waiting) {
      Instant due;
      boolean inQueue = timing == Timing.QUEUE;
      if (inQueue) {
        due = nextSlot(d[1], zone, now);
      } else if (timing == Timing.AT && wantedAt != null && wantedAt.isAfter(now)) {
        due = wantedAt;
      } else {
        due = now;
      }
      schedule(d[0], due, inQueue);
    }
  }

  Instant nextSlot(String channelId, ZoneId zone, Instant after) {
    var slots = queues.slots(channelId);
    if (slots.isEmpty()) {
      throw new DomainException.Invalid("channels", "problem.no-slots");
    }
    return PostingSchedule.nextFree(slots, zone, after, queues.taken(channelId, after), QUEUE_HORIZON)
        .orElseThrow(() -> new DomainException.Invalid("channels", "problem.queue-full"));
  }

  void schedule(String deliveryId, Instant due, boolean inQueue) {
    jdbc.sql("""
        UPDATE deliveries SET state = 'scheduled', in_queue = :q, due_at = :due, error = '', updated_at = :now WHERE id = :id""")
        .param("id", deliveryId).param("q", inQueue).param("due", due.toEpochMilli()).param("now", clock.millis()).update();
    plan.at(deliveryId, due);
  }
}
