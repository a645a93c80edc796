package org.socius.publishing.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Posting slots and paused queues of channels, and which slot times are taken. */
@Repository
class QueueStore {

  private final JdbcClient jdbc;

  QueueStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<PostingSchedule.Slot> slots(String channelId) {
    return jdbc.sql("SELECT day_of_week, minute_of_day FROM posting_slots WHERE channel_id = :c ORDER BY day_of_week, minute_of_day")
        .param("c", channelId)
        .query((rs, n) -> new PostingSchedule.Slot(DayOfWeek.of(rs.getInt(1)), LocalTime.ofSecondOfDay(rs.getInt(2) * 60L))).list();
  }

  void replaceSlots(String channelId, List<PostingSchedule.Slot> slots) {
    jdbc.sql("DELETE FROM posting_slots WHERE channel_id = :c").param("c", channelId).update();
    for (PostingSchedule.Slot slot : slots) {
      jdbc.sql("INSERT INTO posting_slots (channel_id, day_of_week, minute_of_day) VALUES (:c, :d, :m)")
          .param("c", channelId).param("d", slot.day().getValue()).param("m", slot.time().getHour() * 60 + slot.time().getMinute())
          .update();
    }
  }

  /** Slot times of a channel held by queued posts from {@code from} on. */
  Set<Instant> taken(String channelId, Instant from) {
    return new HashSet<>(jdbc.sql("""
        SELECT due_at FROM deliveries WHERE channel_id = :c AND in_queue AND due_at >= :from
          AND state IN ('scheduled', 'publishing', 'published', 'unknown')""")
        .param("c", channelId).param("from", from.toEpochMilli()).query((rs, n) -> Instant.ofEpochMilli(rs.getLong(1))).list());
  }

  boolean paused(String channelId) {
    return jdbc.sql("SELECT COUNT(*) FROM paused_queues WHERE channel_id = :c").param("c", channelId).query(Integer.class).single() > 0;
  }

  Set<String> pausedIn(String workspaceId) {
    return new HashSet<>(jdbc.sql("""
        SELECT q.channel_id FROM paused_queues q JOIN channels c ON c.id = q.channel_id WHERE c.workspace_id = :ws""")
        .param("ws", workspaceId).query(String.class).list());
  }

  void pause(String channelId, String memberId, long now) {
    if (!paused(channelId)) {
      jdbc.sql("INSERT INTO paused_queues (channel_id, paused_by, paused_at) VALUES (:c, :m, :now)")
          .param("c", channelId).param("m", memberId).param("now", now).update();
    }
  }

  void resume(String channelId) {
    jdbc.sql("DELETE FROM paused_queues WHERE channel_id = :c").param("c", channelId).update();
  }
}
