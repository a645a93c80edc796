package org.socius.inbox.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The items of conversations, theirs and ours. Every query is bound to a workspace. */
@Repository
public class InboxItemStore {

  private final JdbcClient jdbc;

  InboxItemStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores the item unless its source (network event, sent message) made one before. */
  boolean insertIfAbsent(String workspaceId, Item i, long now) {
    return jdbc.sql("""
        INSERT INTO inbox_items (id, workspace_id, conversation_id, channel_id, direction, type, source_id, remote_id, actor_id,
               actor_handle, actor_name, member_id, text, url, occurred_at, created_at)
        VALUES (:id, :ws, :conversation, :channel, :direction, :type, :source, :remote, :actor, :handle, :name, :member, :text,
               :url, :at, :now)
        ON CONFLICT (source_id) DO NOTHING""")
        .param("id", i.id()).param("ws", workspaceId).param("conversation", i.conversationId()).param("channel", i.channelId())
        .param("direction", i.direction()).param("type", i.type()).param("source", i.sourceId()).param("remote", i.remoteId())
        .param("actor", i.actorId()).param("handle", i.actorHandle()).param("name", i.actorName()).param("member", i.memberId())
        .param("text", i.text()).param("url", i.url()).param("at", i.occurredAt().toEpochMilli()).param("now", now).update() == 1;
  }

  boolean exists(String sourceId) {
    return jdbc.sql("SELECT COUNT(*) FROM inbox_items WHERE source_id = :s").param("s", sourceId).query(Long.class).single() > 0;
  }

  /** The whole conversation, oldest first. */
  public List<Item> of(String workspaceId, String conversationId) {
    return jdbc.sql("SELECT * FROM inbox_items WHERE workspace_id = :ws AND conversation_id = :c ORDER BY occurred_at, id")
        .param("ws", workspaceId).param("c", conversationId).query(InboxItemStore::row).list();
  }

  public Optional<Item> find(String workspaceId, String conversationId, String id) {
    return jdbc.sql("SELECT * FROM inbox_items WHERE workspace_id = :ws AND conversation_id = :c AND id = :id")
        .param("ws", workspaceId).param("c", conversationId).param("id", id).query(InboxItemStore::row).optional();
  }

  /** Their latest item with a post, the one a reply answers. */
  Optional<Item> latestPostOfTheirs(String workspaceId, String conversationId) {
    return jdbc.sql("""
        SELECT * FROM inbox_items WHERE workspace_id = :ws AND conversation_id = :c AND direction = 'in' AND remote_id IS NOT NULL
         ORDER BY occurred_at DESC, id DESC LIMIT 1""")
        .param("ws", workspaceId).param("c", conversationId).query(InboxItemStore::row).optional();
  }

  /** Their latest item, for whom a message goes to. */
  Optional<Item> latestOfTheirs(String workspaceId, String conversationId) {
    return jdbc.sql("""
        SELECT * FROM inbox_items WHERE workspace_id = :ws AND conversation_id = :c AND direction = 'in'
         ORDER BY occurred_at DESC, id DESC LIMIT 1""")
        .param("ws", workspaceId).param("c", conversationId).query(InboxItemStore::row).optional();
  }

  /** The conversation that holds a post (theirs or our answer) on a channel. */
  Optional<String> conversationOf(String workspaceId, String channelId, String remoteId) {
    return jdbc.sql("""
        SELECT conversation_id FROM inbox_items WHERE workspace_id = :ws AND channel_id = :channel AND remote_id = :remote
         ORDER BY occurred_at DESC LIMIT 1""")
        .param("ws", workspaceId).param("channel", channelId).param("remote", remoteId).query(String.class).optional();
  }

  static Item row(ResultSet rs, int n) throws SQLException {
    return new Item(rs.getString("id"), rs.getString("conversation_id"), rs.getString("channel_id"), rs.getString("direction"),
        rs.getString("type"), rs.getString("source_id"), rs.getString("remote_id"), rs.getString("actor_id"),
        rs.getString("actor_handle"), rs.getString("actor_name"), rs.getString("member_id"), rs.getString("text"),
        rs.getString("url"), Instant.ofEpochMilli(rs.getLong("occurred_at")));
  }
}
