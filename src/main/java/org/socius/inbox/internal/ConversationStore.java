package org.socius.inbox.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.socius.inbox.InboxItemType;
import org.socius.networks.Network;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Conversations of the inbox. Every query is bound to a workspace. */
@Repository
public class ConversationStore {

  private final JdbcClient jdbc;

  ConversationStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Starts the conversation unless it exists; two nodes starting the same one keep the first. */
  void insertIfAbsent(Conversation c, long now) {
    jdbc.sql("""
        INSERT INTO inbox_conversations (id, workspace_id, channel_id, network, thread_key, type, person_id, person_name, actor_id,
               actor_handle, state, excerpt, last_at, created_at, updated_at)
        VALUES (:id, :ws, :channel, :network, :key, :type, :person, :name, :actor, :handle, 'open', :excerpt, :last, :now, :now)
        ON CONFLICT (workspace_id, channel_id, thread_key) DO NOTHING""")
        .param("id", c.id()).param("ws", c.workspaceId()).param("channel", c.channelId()).param("network", c.network().code())
        .param("key", c.threadKey()).param("type", c.type().name()).param("person", c.personId()).param("name", c.personName())
        .param("actor", c.actorId()).param("handle", c.actorHandle()).param("excerpt", c.excerpt())
        .param("last", c.lastAt().toEpochMilli()).param("now", now).update();
  }

  public Optional<Conversation> find(String workspaceId, String id) {
    return jdbc.sql("SELECT * FROM inbox_conversations WHERE workspace_id = :ws AND id = :id").param("ws", workspaceId).param("id", id)
        .query(ConversationStore::row).optional();
  }

  Optional<Conversation> byKey(String workspaceId, String channelId, String threadKey) {
    return jdbc.sql("SELECT * FROM inbox_conversations WHERE workspace_id = :ws AND channel_id = :channel AND thread_key = :key")
        .param("ws", workspaceId).param("channel", channelId).param("key", threadKey).query(ConversationStore::row).optional();
  }

  /** The latest conversation with an account on a channel, of one type or (type null) any not done. */
  Optional<Conversation> latestWith(String workspaceId, String channelId, String actorId, InboxItemType type) {
    String which = type == null ? "state <> 'done'" : "type = '" + type.name() + "'"; // an enum's name, not input
    return jdbc.sql("SELECT * FROM inbox_conversations WHERE workspace_id = :ws AND channel_id = :channel AND actor_id = :actor AND "
            + which + " ORDER BY last_at DESC LIMIT 1")
        .param("ws", workspaceId).param("channel", channelId).param("actor", actorId).query(ConversationStore::row).optional();
  }

  /**
   * Their new item: the conversation waits on us again (also when it was done), unless it is
   * older than our latest answer (delivered late). The latest item
   * sets the type, excerpt and place in the list; an older one delivered late does not.
   */
  void arrived(String workspaceId, String id, InboxItemType type, String excerpt, long at, boolean asks, long now) {
    jdbc.sql("""
        UPDATE inbox_conversations
           SET state = CASE WHEN last_answer_at IS NULL OR :at > last_answer_at THEN 'open' ELSE state END,
               items = items + 1, updated_at = :now,
               unanswered_since = CASE WHEN :asks = 1 AND (last_answer_at IS NULL OR :at > last_answer_at)
                                        AND (unanswered_since IS NULL OR unanswered_since > :at) THEN :at
                                       ELSE unanswered_since END,
               type = CASE WHEN :at >= last_at THEN :type ELSE type END,
               excerpt = CASE WHEN :at >= last_at THEN :excerpt ELSE excerpt END,
               last_at = CASE WHEN :at >= last_at THEN :at ELSE last_at END
         WHERE workspace_id = :ws AND id = :id""")
        .param("now", now).param("asks", asks ? 1 : 0).param("at", at).param("type", type.name()).param("excerpt", excerpt)
        .param("ws", workspaceId).param("id", id).update();
  }

  /** We answered: it now waits on them, and nothing of theirs is unanswered. */
  void answered(String workspaceId, String id, long at, long now) {
    jdbc.sql("""
        UPDATE inbox_conversations SET state = 'waiting', unanswered_since = NULL, last_answer_at = :at, updated_at = :now
         WHERE workspace_id = :ws AND id = :id""")
        .param("at", at).param("now", now).param("ws", workspaceId).param("id", id).update();
  }

  boolean state(String workspaceId, String id, ConversationState state, long now) {
    return jdbc.sql("UPDATE inbox_conversations SET state = :state, updated_at = :now WHERE workspace_id = :ws AND id = :id")
        .param("state", state.code()).param("now", now).param("ws", workspaceId).param("id", id).update() == 1;
  }

  boolean assign(String workspaceId, String id, String memberId, long now) {
    return jdbc.sql("UPDATE inbox_conversations SET assignee_member_id = :member, updated_at = :now WHERE workspace_id = :ws AND id = :id")
        .param("member", memberId).param("now", now).param("ws", workspaceId).param("id", id).update() == 1;
  }

  /**
   * A page of the list. Each filter has an index that starts with the workspace and ends with
   * (last_at, id), so the first page reads no more than a page of rows however big the inbox is.
   */
  public List<Conversation> page(String workspaceId, InboxFilter filter, boolean newestFirst, String after, int limit) {
    StringBuilder sql = new StringBuilder("SELECT * FROM inbox_conversations WHERE workspace_id = :ws");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("ws", workspaceId);
    if (filter.channelId() != null) {
      sql.append(" AND channel_id = :channel");
      params.put("channel", filter.channelId());
    }
    if (filter.type() != null) {
      sql.append(" AND type = :type");
      params.put("type", filter.type().name());
    }
    if (filter.personId() != null) {
      sql.append(" AND person_id = :person");
      params.put("person", filter.personId());
    }
    if (filter.unassigned()) {
      sql.append(" AND assignee_member_id IS NULL");
    } else if (filter.assigneeMemberId() != null) {
      sql.append(" AND assignee_member_id = :assignee");
      params.put("assignee", filter.assigneeMemberId());
    }
    if (filter.state() != null) {
      sql.append(" AND state = :state");
      params.put("state", filter.state().code());
    }
    InboxFilter.Position position = InboxFilter.Position.parse(after);
    if (position != null) {
      sql.append(newestFirst ? " AND (last_at, id) < (:at, :after)" : " AND (last_at, id) > (:at, :after)");
      params.put("at", position.lastAt());
      params.put("after", position.id());
    }
    sql.append(newestFirst ? " ORDER BY last_at DESC, id DESC" : " ORDER BY last_at, id").append(" LIMIT :limit");
    params.put("limit", limit);
    return jdbc.sql(sql.toString()).params(params).query(ConversationStore::row).list();
  }

  /** Open conversations for the member or nobody, oldest first. */
  List<Conversation> waiting(String workspaceId, String memberId, int limit) {
    return jdbc.sql("""
        SELECT * FROM inbox_conversations
         WHERE workspace_id = :ws AND state = 'open' AND (assignee_member_id IS NULL OR assignee_member_id = :member)
         ORDER BY last_at, id LIMIT :limit""")
        .param("ws", workspaceId).param("member", memberId).param("limit", limit).query(ConversationStore::row).list();
  }

  /** As {@link #openCount}, counting no further than {@code cap}: what a page shows at once ("999+"). */
  public long openCountUpTo(String workspaceId, int cap) {
    return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM inbox_conversations WHERE workspace_id = :ws AND state = 'open' LIMIT :cap) o")
        .param("ws", workspaceId).param("cap", cap).query(Long.class).single();
  }

  public long openCount(String workspaceId) {
    return jdbc.sql("SELECT COUNT(*) FROM inbox_conversations WHERE workspace_id = :ws AND state = 'open'").param("ws", workspaceId)
        .query(Long.class).single();
  }

  static Conversation row(ResultSet rs, int n) throws SQLException {
    return new Conversation(rs.getString("id"), rs.getString("workspace_id"), rs.getString("channel_id"),
        Network.parse(rs.getString("network")), rs.getString("thread_key"), InboxItemType.valueOf(rs.getString("type")),
        rs.getString("person_id"), rs.getString("person_name"), rs.getString("actor_id"), rs.getString("actor_handle"),
        ConversationState.of(rs.getString("state")), rs.getString("assignee_member_id"), rs.getString("excerpt"),
        Instant.ofEpochMilli(rs.getLong("last_at")), instant(rs, "unanswered_since"), instant(rs, "last_answer_at"),
        rs.getInt("items"),
        Instant.ofEpochMilli(rs.getLong("created_at")));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }
}
