package org.socius.feeds.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The items of feeds, shared by every workspace that subscribes; a member's state is in {@link StateStore}. */
@Repository("feedItemStore") // the inbox has an ItemStore too
public class ItemStore {

  private final JdbcClient jdbc;

  ItemStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** What identifies a stored item, for deduplication at refresh. */
  public record Key(String id, String guid, String url, String contentHash, Instant publishedAt) {}

  /** One item as the refresh writes it. */
  public record Row(String id, String feedId, String guid, String url, String contentHash, String title, String author,
      String authorUri, String summary, String content, String imageUrl, String categories, Instant publishedAt, Instant updatedAt) {}

  /** The keys of one feed's stored items (bounded by the history kept). */
  public List<Key> keys(String feedId) {
    return jdbc.sql("SELECT id, guid, url, content_hash, published_at FROM feed_items WHERE feed_id = :feed").param("feed", feedId)
        .query((rs, n) -> new Key(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            Instant.ofEpochMilli(rs.getLong(5)))).list();
  }

  public void insert(Row r, Instant now) {
    jdbc.sql("""
        INSERT INTO feed_items (id, feed_id, guid, url, content_hash, title, author, author_uri, summary, content, image_url,
          categories, published_at, updated_at, first_seen_at)
        VALUES (:id, :feed, :guid, :url, :hash, :title, :author, :authorUri, :summary, :content, :image, :categories, :published,
          :updated, :now)""")
        .param("id", r.id()).param("feed", r.feedId()).param("guid", r.guid()).param("url", r.url()).param("hash", r.contentHash())
        .param("title", r.title()).param("author", r.author()).param("authorUri", r.authorUri()).param("summary", r.summary())
        .param("content", r.content()).param("image", r.imageUrl()).param("categories", r.categories())
        .param("published", r.publishedAt().toEpochMilli()).param("updated", r.updatedAt() == null ? null : r.updatedAt().toEpochMilli())
        .param("now", now.toEpochMilli()).update();
  }

  /** An item changed at its source: updated in place, keeping its id, its first sighting and everyone's state. */
  public void update(Row r) {
    jdbc.sql("""
        UPDATE feed_items SET guid = :guid, url = :url, content_hash = :hash, title = :title, author = :author,
          author_uri = :authorUri, summary = :summary, content = :content, image_url = :image, categories = :categories,
          published_at = :published, updated_at = :updated
        WHERE id = :id""")
        .param("id", r.id()).param("guid", r.guid()).param("url", r.url()).param("hash", r.contentHash()).param("title", r.title())
        .param("author", r.author()).param("authorUri", r.authorUri()).param("summary", r.summary()).param("content", r.content())
        .param("image", r.imageUrl()).param("categories", r.categories()).param("published", r.publishedAt().toEpochMilli())
        .param("updated", r.updatedAt() == null ? null : r.updatedAt().toEpochMilli()).update();
  }

  /**
   * Keeps the newest {@code keep} items of a feed and every item someone starred; the rest go,
   * with their read state.
   */
  public int prune(String feedId, int keep) {
    return jdbc.sql("""
        DELETE FROM feed_items WHERE feed_id = :feed
          AND id NOT IN (SELECT id FROM feed_items WHERE feed_id = :feed ORDER BY published_at DESC, id DESC LIMIT :keep)
          AND NOT EXISTS (SELECT 1 FROM feed_item_states st WHERE st.item_id = feed_items.id AND st.starred_at IS NOT NULL)""")
        .param("feed", feedId).param("keep", keep).update();
  }

  public int count(String feedId) {
    return jdbc.sql("SELECT COUNT(*) FROM feed_items WHERE feed_id = :feed").param("feed", feedId).query(Integer.class).single();
  }

  /** Publication times of a feed's newest items, for the adaptive interval. */
  public List<Instant> recentPublications(String feedId, int limit) {
    return jdbc.sql("SELECT published_at FROM feed_items WHERE feed_id = :feed ORDER BY published_at DESC LIMIT :limit")
        .param("feed", feedId).param("limit", limit).query((rs, n) -> Instant.ofEpochMilli(rs.getLong(1))).list();
  }

  /** An item of a feed the workspace subscribes to (the only way a workspace sees an item). */
  public Optional<FullItem> inWorkspace(String workspaceId, String memberId, String itemId) {
    return jdbc.sql("""
        SELECT i.id, i.feed_id, s.id AS sub_id, COALESCE(NULLIF(s.title, ''), NULLIF(f.title, ''), f.url) AS feed_title, f.site_url,
          f.author AS feed_author, f.author_uri AS feed_author_uri, i.title, i.url, i.author, i.author_uri, i.summary, i.content,
          i.image_url, i.categories, i.published_at, st.read_at, st.starred_at
        FROM feed_items i
        JOIN feeds f ON f.id = i.feed_id
        JOIN feed_subscriptions s ON s.feed_id = i.feed_id AND s.workspace_id = :ws
        LEFT JOIN feed_item_states st ON st.item_id = i.id AND st.member_id = :member
        WHERE i.id = :id""")
        .param("ws", workspaceId).param("member", memberId).param("id", itemId).query(ItemStore::full).optional();
  }

  /** An item with everything the article view and sharing need. */
  public record FullItem(String id, String feedId, String subscriptionId, String feedTitle, String siteUrl, String feedAuthor,
      String feedAuthorUri, String title, String url, String author, String authorUri, String summary, String content,
      String imageUrl, String categories, Instant publishedAt, boolean read, boolean starred) {

    /** The body to show: the full content when the feed gives it, else the summary. */
    public String body() {
      return content.isBlank() ? summary : content;
    }
  }

  private static FullItem full(ResultSet rs, int n) throws SQLException {
    rs.getLong("read_at");
    boolean read = !rs.wasNull();
    rs.getLong("starred_at");
    boolean starred = !rs.wasNull();
    return new FullItem(rs.getString("id"), rs.getString("feed_id"), rs.getString("sub_id"), rs.getString("feed_title"),
        rs.getString("site_url"), rs.getString("feed_author"), rs.getString("feed_author_uri"), rs.getString("title"),
        rs.getString("url"), rs.getString("author"), rs.getString("author_uri"), rs.getString("summary"), rs.getString("content"),
        rs.getString("image_url"), rs.getString("categories"), Instant.ofEpochMilli(rs.getLong("published_at")), read, starred);
  }
}
