package org.socius.networks.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.socius.networks.Actor;
import org.socius.networks.EventType;
import org.socius.networks.Network;
import org.socius.networks.NetworkEvent;
import org.socius.networks.Post;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The normalised event log and the follower list it is derived from. */
@Repository
public class EventStore {

  private final JdbcClient jdbc;

  EventStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores the event unless one with its remote id exists on the channel; true when it was new. */
  public boolean insertIfAbsent(NetworkEvent e) {
    Actor a = e.actor();
    Post p = e.post();
    return jdbc.sql("""
        INSERT INTO network_events (id, workspace_id, channel_id, network, type, remote_id, backfill, actor_id, actor_handle,
               actor_name, actor_bio_html, actor_bio_text, actor_avatar, actor_url, post_id, post_url, post_text, post_lang,
               post_created_at, post_reply_to, post_thread_root, occurred_at, recorded_at)
        VALUES (:id, :ws, :channel, :network, :type, :remote, :backfill, :actor, :handle, :name, :bioHtml, :bioText, :avatar,
               :url, :postId, :postUrl, :postText, :postLang, :postCreated, :replyTo, :root, :occurred, :recorded)
        ON CONFLICT (channel_id, remote_id) DO NOTHING""")
        .param("id", e.id()).param("ws", e.workspaceId()).param("channel", e.channelId()).param("network", e.network().code())
        .param("type", e.type().name()).param("remote", e.remoteId()).param("backfill", e.backfill())
        .param("actor", a.remoteId()).param("handle", a.handle()).param("name", nz(a.displayName()))
        .param("bioHtml", nz(a.bioHtml())).param("bioText", nz(a.bioText())).param("avatar", nz(a.avatarUrl()))
        .param("url", nz(a.profileUrl()))
        .param("postId", p == null ? null : p.remoteId()).param("postUrl", p == null ? null : p.url())
        .param("postText", p == null ? null : p.text()).param("postLang", p == null ? null : p.language())
        .param("postCreated", p == null || p.createdAt() == null ? null : p.createdAt().toEpochMilli())
        .param("replyTo", p == null ? null : p.inReplyTo()).param("root", p == null ? null : p.threadRoot())
        .param("occurred", e.occurredAt().toEpochMilli()).param("recorded", e.recordedAt().toEpochMilli())
        .update() == 1;
  }

  /** Records a follower; true when they were not following before. */
  public boolean addFollower(String channelId, String actorId, long now) {
    int inserted = jdbc.sql("INSERT INTO channel_followers (channel_id, actor_id, since, seen_at) VALUES (:c, :a, :now, :now) "
            + "ON CONFLICT (channel_id, actor_id) DO NOTHING")
        .param("c", channelId).param("a", actorId).param("now", now).update();
    if (inserted == 0) {
      jdbc.sql("UPDATE channel_followers SET seen_at = :now WHERE channel_id = :c AND actor_id = :a")
          .param("c", channelId).param("a", actorId).param("now", now).update();
    }
    return inserted == 1;
  }

  /** Followers not seen by a full listing that started at {@code listingStart}, removed and returned. */
  public List<String> removeUnseen(String channelId, long listingStart) {
    List<String> gone = jdbc.sql("SELECT actor_id FROM channel_followers WHERE channel_id = :c AND seen_at < :start")
        .param("c", channelId).param("start", listingStart).query(String.class).list();
    jdbc.sql("DELETE FROM channel_followers WHERE channel_id = :c AND seen_at < :start")
        .param("c", channelId).param("start", listingStart).update();
    return gone;
  }

  /** The newest snapshot of an actor seen on a channel, or one with the id alone. */
  public Actor lastActor(String channelId, String actorId) {
    return jdbc.sql("""
        SELECT actor_id, actor_handle, actor_name, actor_bio_html, actor_bio_text, actor_avatar, actor_url
          FROM network_events WHERE channel_id = :c AND actor_id = :a ORDER BY id DESC LIMIT 1""")
        .param("c", channelId).param("a", actorId)
        .query((rs, n) -> new Actor(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
            rs.getString(7)))
        .optional().orElse(new Actor(actorId, actorId, "", "", "", "", ""));
  }

  public long followerCount(String channelId) {
    return jdbc.sql("SELECT COUNT(*) FROM channel_followers WHERE channel_id = :c").param("c", channelId).query(Long.class).single();
  }

  /** A page of a workspace's events, oldest first after the cursor, optionally of one type and channel. */
  public List<NetworkEvent> page(String workspaceId, String afterId, int limit, EventType type, String channelId) {
    StringBuilder sql = new StringBuilder("SELECT * FROM network_events WHERE workspace_id = :ws AND id > :after");
    if (type != null) {
      sql.append(" AND type = :type");
    }
    if (channelId != null) {
      sql.append(" AND channel_id = :channel");
    }
    sql.append(" ORDER BY id LIMIT :limit");
    var q = jdbc.sql(sql.toString()).param("ws", workspaceId).param("after", afterId).param("limit", limit);
    if (type != null) {
      q = q.param("type", type.name());
    }
    if (channelId != null) {
      q = q.param("channel", channelId);
    }
    return q.query(EventStore::map).list();
  }

  static NetworkEvent map(ResultSet rs, int row) throws SQLException {
    Actor actor = new Actor(rs.getString("actor_id"), rs.getString("actor_handle"), rs.getString("actor_name"),
        rs.getString("actor_bio_html"), rs.getString("actor_bio_text"), rs.getString("actor_avatar"), rs.getString("actor_url"));
    Post post = null;
    if (rs.getString("post_id") != null) {
      long created = rs.getLong("post_created_at");
      boolean hasCreated = !rs.wasNull();
      post = new Post(rs.getString("post_id"), rs.getString("post_url"), rs.getString("post_text"), rs.getString("post_lang"),
          hasCreated ? Instant.ofEpochMilli(created) : null, rs.getString("post_reply_to"), rs.getString("post_thread_root"));
    }
    return new NetworkEvent(rs.getString("id"), rs.getString("workspace_id"), rs.getString("channel_id"),
        Network.parse(rs.getString("network")), EventType.valueOf(rs.getString("type")), rs.getString("remote_id"), actor, post,
        rs.getBoolean("backfill"), Instant.ofEpochMilli(rs.getLong("occurred_at")), Instant.ofEpochMilli(rs.getLong("recorded_at")));
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
