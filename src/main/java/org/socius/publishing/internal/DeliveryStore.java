package org.socius.publishing.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The state changes of deliveries. Each is one conditional UPDATE, so it commits on its own. */
@Repository
class DeliveryStore {

  private final JdbcClient jdbc;

  DeliveryStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** What the delivery task needs to know about one delivery. */
  record Due(String id, String postId, String workspaceId, String channelId, List<String> parts, DeliveryState state,
      Instant dueAt, int attempts, Stage stage, boolean paused, String authorId, String kind) {}

  Optional<Due> due(String id) {
    return jdbc.sql("""
        SELECT d.id, d.post_id, d.workspace_id, d.channel_id, d.parts, d.state, d.due_at, d.attempts, p.stage,
          (SELECT COUNT(*) FROM paused_queues q WHERE q.channel_id = d.channel_id), p.author_id, p.kind
        FROM deliveries d JOIN posts p ON p.id = d.post_id WHERE d.id = :id""").param("id", id)
        .query((rs, n) -> new Due(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), PostStore.parts(rs.getString(5)),
            DeliveryState.of(rs.getString(6)), PostStore.instant(rs, 7), rs.getInt(8), Stage.of(rs.getString(9)), rs.getInt(10) > 0,
            rs.getString(11), rs.getString(12)))
        .optional();
  }

  /** The claim: only one runner moves an open delivery to publishing for this attempt. */
  boolean claim(String id, Instant now) {
    return jdbc.sql("""
        UPDATE deliveries SET state = 'publishing', attempts = attempts + 1, claimed_at = :now, updated_at = :now
        WHERE id = :id AND state IN ('scheduled', 'publishing', 'unknown')""")
        .param("id", id).param("now", now.toEpochMilli()).update() == 1;
  }

  void published(String id, String remoteId, String url, Instant now) {
    jdbc.sql("""
        UPDATE deliveries SET state = 'published', remote_id = :rid, remote_url = :url, published_at = :now, error = '',
          updated_at = :now WHERE id = :id""")
        .param("id", id).param("rid", remoteId).param("url", url).param("now", now.toEpochMilli()).update();
  }

  void failed(String id, String reason, Instant now) {
    set(id, "failed", reason, now);
  }

  void unknown(String id, String reason, Instant now) {
    set(id, "unknown", reason, now);
  }

  void backToScheduled(String id, String reason, Instant now) {
    set(id, "scheduled", reason, now);
  }

  void missed(String id, Instant now) {
    jdbc.sql("UPDATE deliveries SET state = 'missed', in_queue = FALSE, updated_at = :now WHERE id = :id AND state = 'scheduled'")
        .param("id", id).param("now", now.toEpochMilli()).update();
  }

  void note(String id, String reason, Instant now) {
    jdbc.sql("UPDATE deliveries SET error = :reason, updated_at = :now WHERE id = :id")
        .param("id", id).param("reason", clip(reason)).param("now", now.toEpochMilli()).update();
  }

  private void set(String id, String state, String reason, Instant now) {
    jdbc.sql("UPDATE deliveries SET state = :state, error = :reason, updated_at = :now WHERE id = :id")
        .param("id", id).param("state", state).param("reason", clip(reason)).param("now", now.toEpochMilli()).update();
  }

  /** Open deliveries whose execution may be missing (the reconciler checks each). */
  List<String> openDueBefore(Instant before, int limit) {
    return jdbc.sql("""
        SELECT d.id FROM deliveries d JOIN posts p ON p.id = d.post_id
        WHERE d.state IN ('scheduled', 'publishing', 'unknown') AND p.stage = 'ready' AND d.due_at <= :before
          AND NOT EXISTS (SELECT 1 FROM paused_queues q WHERE q.channel_id = d.channel_id)
        ORDER BY d.due_at LIMIT :limit""")
        .param("before", before.toEpochMilli()).param("limit", limit).query(String.class).list();
  }

  private static String clip(String s) {
    String text = s == null ? "" : s;
    return text.length() > 2000 ? text.substring(0, 2000) : text;
  }
}
