package org.socius.feeds.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The feeds table: one row per feed address, shared by every workspace that subscribes. */
@Repository
public class FeedStore {

  private static final String COLUMNS = """
      id, url, host, title, site_url, description, image_url, author, author_uri, format, etag, last_modified, interval_seconds,
      next_fetch_at, last_fetched_at, last_success_at, error_count, last_error, created_at""";

  private final JdbcClient jdbc;

  FeedStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Feed> get(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM feeds WHERE id = :id").param("id", id).query(FeedStore::feed).optional();
  }

  public Optional<Feed> byUrl(String url) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM feeds WHERE url = :url").param("url", url).query(FeedStore::feed).optional();
  }

  /** What the parsed feed says about itself. */
  public record Details(String title, String siteUrl, String description, String imageUrl, String author, String authorUri,
      String format) {}

  /** Inserts the feed unless another request inserted the same address first; answers the stored row's id. */
  public String insert(String id, String url, String host, Details d, int intervalSeconds, Instant nextFetch, Instant now) {
    // the unique address decides a race between two first subscriptions: the loser reads the winner's row
    jdbc.sql("""
        INSERT INTO feeds (id, url, host, title, site_url, description, image_url, author, author_uri, format, interval_seconds,
          next_fetch_at, created_at)
        VALUES (:id, :url, :host, :title, :site, :description, :image, :author, :authorUri, :format, :interval, :next, :now)
        ON CONFLICT (url) DO NOTHING""")
        .param("id", id).param("url", url).param("host", host).param("title", text(d.title(), 500))
        .param("site", text(d.siteUrl(), 2000)).param("description", text(d.description(), 2000)).param("image", text(d.imageUrl(), 2000))
        .param("author", text(d.author(), 300)).param("authorUri", text(d.authorUri(), 2000)).param("format", text(d.format(), 20))
        .param("interval", intervalSeconds).param("next", nextFetch.toEpochMilli()).param("now", now.toEpochMilli()).update();
    return byUrl(url).orElseThrow().id();
  }

  public void updateDetails(String id, Details d) {
    jdbc.sql("""
        UPDATE feeds SET title = :title, site_url = :site, description = :description, image_url = :image, author = :author,
          author_uri = :authorUri, format = :format WHERE id = :id""")
        .param("id", id).param("title", text(d.title(), 500)).param("site", text(d.siteUrl(), 2000))
        .param("description", text(d.description(), 2000)).param("image", text(d.imageUrl(), 2000)).param("author", text(d.author(), 300))
        .param("authorUri", text(d.authorUri(), 2000)).param("format", text(d.format(), 20)).update();
  }

  public void recordSuccess(String id, String etag, String lastModified, int intervalSeconds, Instant next, Instant now) {
    jdbc.sql("""
        UPDATE feeds SET etag = :etag, last_modified = :modified, interval_seconds = :interval, next_fetch_at = :next,
          last_fetched_at = :now, last_success_at = :now, error_count = 0, last_error = NULL WHERE id = :id""")
        .param("id", id).param("etag", cut(etag, 500)).param("modified", cut(lastModified, 100)).param("interval", intervalSeconds)
        .param("next", next.toEpochMilli()).param("now", now.toEpochMilli()).update();
  }

  /** A failed fetch: the error in words and the next try; items and validators stay as they were. */
  public void recordFailure(String id, String error, Instant next, Instant now) {
    jdbc.sql("""
        UPDATE feeds SET error_count = error_count + 1, last_error = :error, next_fetch_at = :next, last_fetched_at = :now
        WHERE id = :id""")
        .param("id", id).param("error", cut(error, 1000)).param("next", next.toEpochMilli()).param("now", now.toEpochMilli()).update();
  }

  public void setNextFetch(String id, Instant next) {
    jdbc.sql("UPDATE feeds SET next_fetch_at = :next WHERE id = :id").param("id", id).param("next", next.toEpochMilli()).update();
  }

  /** Whether any workspace still subscribes to the feed (through the index on feed_subscriptions.feed_id). */
  public boolean subscribed(String id) {
    return jdbc.sql("SELECT COUNT(*) FROM feed_subscriptions WHERE feed_id = :id").param("id", id).query(Integer.class).single() > 0;
  }

  public void delete(String id) {
    jdbc.sql("DELETE FROM feeds WHERE id = :id").param("id", id).update();
  }

  /** Text for a NOT NULL column: null becomes empty. */
  static String text(String s, int max) {
    return s == null ? "" : cut(s, max);
  }

  static String cut(String s, int max) {
    if (s == null) {
      return null;
    }
    return s.length() <= max ? s : s.substring(0, max);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  static Feed feed(ResultSet rs, int n) throws SQLException {
    return new Feed(rs.getString("id"), rs.getString("url"), rs.getString("host"), rs.getString("title"), rs.getString("site_url"),
        rs.getString("description"), rs.getString("image_url"), rs.getString("author"), rs.getString("author_uri"),
        rs.getString("format"), rs.getString("etag"), rs.getString("last_modified"), rs.getInt("interval_seconds"),
        instant(rs, "next_fetch_at"), instant(rs, "last_fetched_at"), instant(rs, "last_success_at"), rs.getInt("error_count"),
        rs.getString("last_error"), instant(rs, "created_at"));
  }
}
