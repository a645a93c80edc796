package org.socius.platform;

import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells a workspace's owners what needs them (a channel to reconnect, posts held back); the
 * inbox lists these. Any capability may add a notice.
 */
@Component
public class OwnerNotifications {

  private final JdbcClient jdbc;
  private final Clock clock;

  OwnerNotifications(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Adds a notice unless the same kind for the same subject is still unread. */
  public void notifyOnce(String workspaceId, String kind, String subjectId, String text) {
    int open = jdbc.sql("SELECT COUNT(*) FROM owner_notifications WHERE workspace_id = :ws AND kind = :kind AND subject_id = :s AND read_at IS NULL")
        .param("ws", workspaceId).param("kind", kind).param("s", subjectId).query(Integer.class).single();
    if (open > 0) {
      return;
    }
    jdbc.sql("INSERT INTO owner_notifications (id, workspace_id, kind, subject_id, text, created_at) VALUES (:id, :ws, :kind, :s, :text, :now)")
        .param("id", Ids.newId()).param("ws", workspaceId).param("kind", kind).param("s", subjectId)
        .param("text", text.length() > 1000 ? text.substring(0, 1000) : text).param("now", clock.millis()).update();
  }
}
