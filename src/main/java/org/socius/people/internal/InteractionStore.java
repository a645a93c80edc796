package org.socius.people.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.socius.people.internal.Interaction.Direction;
import org.socius.people.internal.Interaction.Kind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What passed between people and a workspace. */
@Repository
public class InteractionStore {

  /** The message kinds, as {@link Kind#isMessage()} says, for SQL. */
  private static final String MESSAGES = "('mentioned', 'replied', 'messaged', 'greeted')";

  private final JdbcClient jdbc;

  InteractionStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores it unless its network event was recorded already (the unique key decides); true when
   * new. A message or a logged contact may make a conversation: the person's latest one is
   * written again (see {@link #recomputeConversation}).
   */
  public boolean insert(String workspaceId, Interaction i, long now) {
    boolean added = jdbc.sql("""
        INSERT INTO interactions (id, workspace_id, person_id, identity_id, channel_id, direction, kind, network_event_id, member_id,
               text, url, occurred_at, created_at)
        VALUES (:id, :ws, :person, :identity, :channel, :direction, :kind, :event, :member, :text, :url, :at, :now)
        ON CONFLICT (network_event_id) DO NOTHING""")
        .param("id", i.id()).param("ws", workspaceId).param("person", i.personId()).param("identity", i.identityId())
        .param("channel", i.channelId()).param("direction", i.direction().code()).param("kind", i.kind().code())
        .param("event", i.networkEventId()).param("member", i.memberId()).param("text", i.text()).param("url", i.url())
        .param("at", i.occurredAt().toEpochMilli()).param("now", now).update() == 1;
    if (added && (i.kind().isMessage() || i.kind() == Kind.MANUAL)) {
      recomputeConversation(workspaceId, i.personId());
    } else if (added) {
      changed(workspaceId, i.personId());
    }
    return added;
  }

  /** Removes an entry a member logged by hand (network interactions stay: they happened). */
  public boolean deleteManual(String workspaceId, String personId, String id) {
    boolean deleted = jdbc.sql("DELETE FROM interactions WHERE workspace_id = :ws AND person_id = :p AND id = :id AND kind = 'manual'")
        .param("ws", workspaceId).param("p", personId).param("id", id).update() == 1;
    if (deleted) {
      recomputeConversation(workspaceId, personId);
    }
    return deleted;
  }

  /**
   * Writes when the person's latest two-way conversation was answered ({@code people.last_conversation_at}):
   * the newest message answering one in the other direction from at most 7 days before, or a
   * contact logged by hand — as {@link RelationshipStrength#hadConversationSince}. Reading the
   * person's own interactions each time keeps it right also for late arrivals, which may answer
   * or be answered by what came before. The workspace's genuine relationships are then a count.
   */
  public void recomputeConversation(String workspaceId, String personId) {
    jdbc.sql("UPDATE people SET last_conversation_at = (" + CONVERSATION + "), strength_at = NULL WHERE workspace_id = :ws AND id = :p")
        .param("ws", workspaceId).param("p", personId).param("window", RelationshipStrength.ANSWER_WINDOW.toMillis()).update();
  }

  /** The person's interactions changed: the kept strength ({@link StrengthCache}) no longer holds. */
  private void changed(String workspaceId, String personId) {
    jdbc.sql("UPDATE people SET strength_at = NULL WHERE workspace_id = :ws AND id = :p AND strength_at IS NOT NULL")
        .param("ws", workspaceId).param("p", personId).update();
  }

  /** The same for every person of a workspace, e.g. after interactions were written in bulk. */
  public void recomputeConversations(String workspaceId) {
    jdbc.sql("UPDATE people SET last_conversation_at = (" + CONVERSATION + "), strength_at = NULL WHERE workspace_id = :ws")
        .param("ws", workspaceId).param("window", RelationshipStrength.ANSWER_WINDOW.toMillis()).update();
  }

  /** The time of a person's ({@code people.id}) latest answered message or logged contact. */
  private static final String CONVERSATION = """
      SELECT MAX(b.occurred_at) FROM interactions b
       WHERE b.person_id = people.id
         AND (b.kind = 'manual' OR (b.kind IN %1$s AND EXISTS (
              SELECT 1 FROM interactions a
               WHERE a.person_id = b.person_id AND a.kind IN %1$s AND a.direction <> b.direction
                 AND a.occurred_at <= b.occurred_at AND a.occurred_at >= b.occurred_at - :window)))""".formatted(MESSAGES);

  /**
   * The person {@code :p} if they are of workspace {@code :ws}: queries of one person's interactions
   * name the person this way rather than with the workspace column beside the person's, so that
   * the planner walks the person's index. With both, SQLite took the workspace's time index (every
   * interaction of a one-workspace installation) and read a million rows for one person's latest.
   */
  private static final String PERSON = "(SELECT id FROM people WHERE workspace_id = :ws AND id = :p)";

  /** A person's timeline, newest first. */
  public List<Interaction> timeline(String workspaceId, String personId, int limit) {
    return jdbc.sql("SELECT * FROM interactions WHERE person_id = " + PERSON + " ORDER BY occurred_at DESC, id DESC LIMIT :limit")
        .param("ws", workspaceId).param("p", personId).param("limit", limit).query(InteractionStore::row).list();
  }

  /** Their newest words (a post or message of theirs), an opener for getting back in touch. */
  public java.util.Optional<Interaction> latestFromThem(String workspaceId, String personId) {
    return jdbc.sql("""
        SELECT * FROM interactions WHERE person_id = %s AND direction = 'in' AND text <> ''
         ORDER BY occurred_at DESC, id DESC LIMIT 1""".formatted(PERSON))
        .param("ws", workspaceId).param("p", personId).query(InteractionStore::row).optional();
  }

  /** The newest interaction time of a person, or null, to set the keep-in-touch clock after a removal. */
  public Long latest(String workspaceId, String personId) {
    return jdbc.sql("SELECT MAX(occurred_at) FROM interactions WHERE person_id = " + PERSON)
        .param("ws", workspaceId).param("p", personId).query((rs, n) -> {
          long at = rs.getLong(1);
          return rs.wasNull() ? null : at;
        }).list().stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
  }

  /** What the strength of each of these people is computed from: their interactions since then. */
  public Map<String, List<Interaction>> since(String workspaceId, Collection<String> personIds, Instant since) {
    Map<String, List<Interaction>> byPerson = new LinkedHashMap<>();
    if (personIds.isEmpty()) {
      return byPerson;
    }
    // the workspace bounds the people, not the interactions: with workspace_id = :ws here, SQLite
    // reads the workspace's whole time range (interactions_by_workspace) instead of these people's
    jdbc.sql("""
        SELECT * FROM interactions
         WHERE person_id IN (SELECT id FROM people WHERE workspace_id = :ws AND id IN (:ids)) AND occurred_at >= :since
         ORDER BY person_id, occurred_at, id""")
        .param("ws", workspaceId).param("ids", personIds).param("since", since.toEpochMilli()).query(InteractionStore::row).list()
        .forEach(i -> byPerson.computeIfAbsent(i.personId(), k -> new ArrayList<>()).add(i));
    return byPerson;
  }

  private static Interaction row(ResultSet rs, int n) throws SQLException {
    return new Interaction(rs.getString("id"), rs.getString("person_id"), rs.getString("identity_id"), rs.getString("channel_id"),
        Direction.valueOf(rs.getString("direction").toUpperCase(Locale.ROOT)), Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
        rs.getString("network_event_id"), rs.getString("member_id"), rs.getString("text"), rs.getString("url"),
        Instant.ofEpochMilli(rs.getLong("occurred_at")));
  }
}
