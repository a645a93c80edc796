package org.socius.feeds.internal;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each member's read and starred marks on items; a team shares subscriptions, not unread counts. */
@Repository
public class StateStore {

  private final JdbcClient jdbc;

  StateStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void read(String workspaceId, String memberId, String itemId, boolean read, Instant now) {
    upsert(workspaceId, memberId, itemId, "read_at", read ? now : null);
  }

  public void star(String workspaceId, String memberId, String itemId, boolean starred, Instant now) {
    upsert(workspaceId, memberId, itemId, "starred_at", starred ? now : null);
  }

  private void upsert(String workspaceId, String memberId, String itemId, String column, Instant at) {
    // column is one of two constants above, never input
    jdbc.sql("INSERT INTO feed_item_states (member_id, item_id, workspace_id, " + column + ") VALUES (:member, :item, :ws, :at) "
        + "ON CONFLICT (member_id, item_id) DO UPDATE SET " + column + " = excluded." + column)
        .param("member", memberId).param("item", itemId).param("ws", workspaceId).param("at", at == null ? null : at.toEpochMilli())
        .update();
  }

  /**
   * Marks read every item first seen up to {@code upTo} in the workspace's subscriptions (one
   * subscription or category when given): items that arrive after the reader looked stay unread.
   */
  public int markAllRead(String workspaceId, String memberId, String subscriptionId, String categoryId, Instant upTo, Instant now) {
    String sql = """
        INSERT INTO feed_item_states (member_id, item_id, workspace_id, read_at)
        SELECT :member, i.id, :ws, :now FROM feed_subscriptions s JOIN feed_items i ON i.feed_id = s.feed_id
        WHERE s.workspace_id = :ws AND i.first_seen_at <= :upTo""";
    if (subscriptionId != null) {
      sql += " AND s.id = :sub";
    }
    if (categoryId != null) {
      sql += " AND EXISTS (SELECT 1 FROM feed_subscription_categories sc WHERE sc.subscription_id = s.id AND sc.category_id = :cat)";
    }
    sql += " ON CONFLICT (member_id, item_id) DO UPDATE SET read_at = COALESCE(feed_item_states.read_at, excluded.read_at)";
    var spec = jdbc.sql(sql).param("member", memberId).param("ws", workspaceId).param("now", now.toEpochMilli())
        .param("upTo", upTo.toEpochMilli());
    if (subscriptionId != null) {
      spec = spec.param("sub", subscriptionId);
    }
    if (categoryId != null) {
      spec = spec.param("cat", categoryId);
    }
    return spec.update();
  }
}
