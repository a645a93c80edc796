package org.socius.feeds.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each member's read and starred marks on items; a team shares subscriptions, not unread counts. */
@Repository
public class StateStore {

  private final JdbcClient jdbc;
  private final ReadCounts counts;

  StateStore(JdbcClient jdbc, ReadCounts counts) {
    this.jdbc = jdbc;
    this.counts = counts;
  }

  /** Marks an item read or unread; in a transaction, so that the member's count of its feed follows. */
  public void read(String workspaceId, String memberId, String itemId, boolean read, Instant now) {
    upsert(workspaceId, memberId, itemId, "read_at", read ? now : null);
    counts.recountMember(memberId, jdbc.sql("SELECT feed_id FROM feed_items WHERE id = :item").param("item", itemId)
        .query(String.class).list());
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
    SubscriptionScope scope = new SubscriptionScope(workspaceId, subscriptionId, categoryId);
    List<String> feeds = scope.bind(jdbc.sql("SELECT s.feed_id FROM feed_subscriptions s WHERE " + scope.where()))
        .query(String.class).list();
    if (feeds.isEmpty()) {
      return 0;
    }
    int marked = jdbc.sql("""
        INSERT INTO feed_item_states (member_id, item_id, workspace_id, read_at)
        SELECT :member, i.id, :ws, :now FROM feed_items i WHERE i.feed_id IN (:feeds) AND i.first_seen_at <= :upTo
        ON CONFLICT (member_id, item_id) DO UPDATE SET read_at = COALESCE(feed_item_states.read_at, excluded.read_at)""")
        .param("ws", workspaceId).param("member", memberId).param("now", now.toEpochMilli()).param("upTo", upTo.toEpochMilli())
        .param("feeds", feeds).update();
    counts.recountMember(memberId, feeds);
    return marked;
  }
}
