package org.socius.people.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of merging two people into one and of taking a merge back. */
@Repository
class MergeStore {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;

  MergeStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The removed person's own row and tags, to re-create them on undo. */
  record Snapshot(String displayName, boolean namedByMember, String website, String howWeMet, String timeZone, Integer cadenceDays,
      Long lastInteractionAt, long createdAt, List<String> tags) {}

  record Merge(String id, String keptId, String mergedId, Snapshot snapshot, List<String> identityIds, List<String> interactionIds,
      List<String> noteIds, List<String> addedTags, Long undoneAt) {}

  Snapshot snapshot(String workspaceId, String personId) {
    List<String> tags = jdbc.sql("SELECT tag FROM person_tags WHERE person_id = :p ORDER BY tag").param("p", personId)
        .query(String.class).list();
    return jdbc.sql("""
        SELECT display_name, named_by_member, website, how_we_met, time_zone, cadence_days, last_interaction_at, created_at
        FROM people WHERE workspace_id = :ws AND id = :id""").param("ws", workspaceId).param("id", personId)
        .query((rs, n) -> new Snapshot(rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getString(4), rs.getString(5),
            integer(rs, 6), longer(rs, 7), rs.getLong(8), tags)).single();
  }

  List<String> ids(String table, String personId) {
    return jdbc.sql("SELECT id FROM " + table + " WHERE person_id = :p ORDER BY id").param("p", personId).query(String.class).list();
  }

  void move(String table, List<String> ids, String toPerson) {
    if (!ids.isEmpty()) {
      jdbc.sql("UPDATE " + table + " SET person_id = :to WHERE id IN (:ids)").param("to", toPerson).param("ids", ids).update();
    }
  }

  /** Interactions that arrived on the moved accounts after the merge go back with them. */
  void moveInteractionsOfIdentities(List<String> identityIds, String toPerson) {
    if (!identityIds.isEmpty()) {
      jdbc.sql("UPDATE interactions SET person_id = :to WHERE identity_id IN (:ids)").param("to", toPerson).param("ids", identityIds)
          .update();
    }
  }

  /** Gives the kept person the removed one's tags it did not have; returns those. */
  List<String> addTags(String workspaceId, String keptId, List<String> tags) {
    List<String> had = jdbc.sql("SELECT tag FROM person_tags WHERE person_id = :p").param("p", keptId).query(String.class).list();
    List<String> added = tags.stream().filter(t -> !had.contains(t)).toList();
    for (String tag : added) {
      jdbc.sql("INSERT INTO person_tags (person_id, workspace_id, tag) VALUES (:p, :ws, :t)")
          .param("p", keptId).param("ws", workspaceId).param("t", tag).update();
    }
    return added;
  }

  void removeTags(String keptId, List<String> tags) {
    if (!tags.isEmpty()) {
      jdbc.sql("DELETE FROM person_tags WHERE person_id = :p AND tag IN (:tags)").param("p", keptId).param("tags", tags).update();
    }
  }

  /** After an undo the kept person's last interaction is the newest of what it still has. */
  void recomputeLatest(String personId) {
    jdbc.sql("UPDATE people SET last_interaction_at = (SELECT MAX(i.occurred_at) FROM interactions i WHERE i.person_id = :p) WHERE id = :p")
        .param("p", personId).update();
  }

  /** The kept person's last interaction is the newer of the two. */
  void latest(String keptId, Long lastInteractionAt) {
    if (lastInteractionAt != null) {
      jdbc.sql("""
          UPDATE people SET last_interaction_at = :t WHERE id = :p AND (last_interaction_at IS NULL OR last_interaction_at < :t)""")
          .param("t", lastInteractionAt).param("p", keptId).update();
    }
  }

  void recreate(String workspaceId, String personId, Snapshot s, long now) {
    jdbc.sql("""
        INSERT INTO people (id, workspace_id, display_name, named_by_member, website, how_we_met, time_zone, cadence_days,
          last_interaction_at, created_at, updated_at)
        VALUES (:id, :ws, :name, :named, :website, :met, :tz, :cadence, :last, :created, :now)""")
        .param("id", personId).param("ws", workspaceId).param("name", s.displayName()).param("named", s.namedByMember())
        .param("website", s.website()).param("met", s.howWeMet()).param("tz", s.timeZone()).param("cadence", s.cadenceDays())
        .param("last", s.lastInteractionAt()).param("created", s.createdAt()).param("now", now).update();
    for (String tag : s.tags()) {
      jdbc.sql("INSERT INTO person_tags (person_id, workspace_id, tag) VALUES (:p, :ws, :t)")
          .param("p", personId).param("ws", workspaceId).param("t", tag).update();
    }
  }

  void insert(String workspaceId, Merge m, String memberId, long now) {
    jdbc.sql("""
        INSERT INTO person_merges (id, workspace_id, kept_id, merged_id, snapshot, identity_ids, interaction_ids, note_ids, added_tags,
          merged_by, merged_at)
        VALUES (:id, :ws, :kept, :merged, :snapshot, :identities, :interactions, :notes, :tags, :by, :now)""")
        .params(Map.of("id", m.id(), "ws", workspaceId, "kept", m.keptId(), "merged", m.mergedId(), "snapshot",
            JSON.writeValueAsString(m.snapshot()), "identities", JSON.writeValueAsString(m.identityIds()), "interactions",
            JSON.writeValueAsString(m.interactionIds()), "notes", JSON.writeValueAsString(m.noteIds()), "tags",
            JSON.writeValueAsString(m.addedTags()), "by", memberId))
        .param("now", now).update();
  }

  Optional<Merge> find(String workspaceId, String id) {
    return jdbc.sql("""
        SELECT id, kept_id, merged_id, snapshot, identity_ids, interaction_ids, note_ids, added_tags, undone_at
        FROM person_merges WHERE workspace_id = :ws AND id = :id""").param("ws", workspaceId).param("id", id)
        .query(MergeStore::merge).optional();
  }

  boolean markUndone(String id, long now) {
    return jdbc.sql("UPDATE person_merges SET undone_at = :now WHERE id = :id AND undone_at IS NULL").param("now", now).param("id", id)
        .update() == 1;
  }

  /** What a suggestion needs of every person of a workspace. */
  List<MergeSuggestions.Candidate> candidates(String workspaceId) {
    Map<String, List<String[]>> accounts = new java.util.HashMap<>();
    jdbc.sql("SELECT person_id, bio_text, profile_url FROM person_identities WHERE workspace_id = :ws").param("ws", workspaceId)
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list()
        .forEach(a -> accounts.computeIfAbsent(a[0], k -> new java.util.ArrayList<>()).add(a));
    return jdbc.sql("SELECT id, display_name, website FROM people WHERE workspace_id = :ws").param("ws", workspaceId)
        .query((rs, n) -> {
          List<String[]> mine = accounts.getOrDefault(rs.getString(1), List.of());
          return new MergeSuggestions.Candidate(rs.getString(1), rs.getString(2), rs.getString(3),
              mine.stream().map(a -> a[1]).toList(), mine.stream().map(a -> a[2]).toList());
        }).list();
  }

  private static Merge merge(ResultSet rs, int n) throws SQLException {
    TypeReference<List<String>> list = new TypeReference<>() {};
    return new Merge(rs.getString(1), rs.getString(2), rs.getString(3), JSON.readValue(rs.getString(4), Snapshot.class),
        JSON.readValue(rs.getString(5), list), JSON.readValue(rs.getString(6), list), JSON.readValue(rs.getString(7), list),
        JSON.readValue(rs.getString(8), list), longer(rs, 9));
  }

  private static Integer integer(ResultSet rs, int column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }

  private static Long longer(ResultSet rs, int column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }
}
