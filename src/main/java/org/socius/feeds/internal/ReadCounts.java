package org.socius.feeds.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What unread counts are made of: each feed's number of items ({@code feeds.item_count}) and, per
 * member and feed, how many of those items the member has read ({@code feed_read_counts}); unread
 * is the difference. Counting every item of a workspace's feeds against a member's marks took
 * 20 s at a million items on SQLite; this reads one row per subscription.
 *
 * <p>Both are recounted where they change, not incremented: a recount reads at most one feed's
 * history (bounded, a thousand items by default) and cannot drift. Callers run these in the
 * transaction that changed the items or marks. A member's counts are locked before they are
 * recounted, so that on PostgreSQL two marks at once by the same member on one feed each count
 * the other's (the recount runs as a later statement, which sees what the first committed).
 */
@Repository
class ReadCounts {

  private static final String READ_OF_FEED = """
      (SELECT COUNT(*) FROM feed_items i JOIN feed_item_states st ON st.item_id = i.id AND st.member_id = feed_read_counts.member_id
        WHERE i.feed_id = feed_read_counts.feed_id AND st.read_at IS NOT NULL)""";

  private final JdbcClient jdbc;

  ReadCounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A feed's items were added or removed. */
  void recountItems(String feedId) {
    jdbc.sql("UPDATE feeds SET item_count = (SELECT COUNT(*) FROM feed_items i WHERE i.feed_id = :feed) WHERE id = :feed")
        .param("feed", feedId).update();
  }

  /** A member's marks on items of these feeds changed. */
  void recountMember(String memberId, Collection<String> feedIds) {
    if (feedIds.isEmpty()) {
      return;
    }
    // creates what is missing and locks what is there (PostgreSQL waits here for a concurrent mark)
    jdbc.sql("""
        INSERT INTO feed_read_counts (member_id, feed_id, read_count)
        SELECT :member, id, 0 FROM feeds WHERE id IN (:feeds) ORDER BY id
        ON CONFLICT (member_id, feed_id) DO UPDATE SET read_count = feed_read_counts.read_count""")
        .param("member", memberId).param("feeds", feedIds).update();
    jdbc.sql("UPDATE feed_read_counts SET read_count = " + READ_OF_FEED + " WHERE member_id = :member AND feed_id IN (:feeds)")
        .param("member", memberId).param("feeds", feedIds).update();
  }

  /** Items of a feed went (its history was cut): every member's count of it. */
  void recountFeed(String feedId) {
    jdbc.sql("UPDATE feed_read_counts SET read_count = read_count WHERE feed_id = :feed").param("feed", feedId).update();
    jdbc.sql("UPDATE feed_read_counts SET read_count = " + READ_OF_FEED + " WHERE feed_id = :feed").param("feed", feedId).update();
  }

  /** The member's unread count of each of the workspace's subscriptions, by subscription id. */
  Map<String, Integer> unread(String workspaceId, String memberId) {
    Map<String, Integer> unread = new HashMap<>();
    jdbc.sql("""
        SELECT s.id, f.item_count - COALESCE(rc.read_count, 0) FROM feed_subscriptions s
          JOIN feeds f ON f.id = s.feed_id
          LEFT JOIN feed_read_counts rc ON rc.member_id = :member AND rc.feed_id = s.feed_id
         WHERE s.workspace_id = :ws""")
        .param("ws", workspaceId).param("member", memberId)
        .query(rs -> {
          unread.put(rs.getString(1), Math.max(0, rs.getInt(2)));
        });
    return unread;
  }
}
