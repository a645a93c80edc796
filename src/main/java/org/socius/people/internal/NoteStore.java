package org.socius.people.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Notes members keep about a person. */
@Repository
public class NoteStore {

  /** A note as written (markdown, shown escaped), by which member and when. */
  public record Note(String id, String personId, String memberId, String body, Instant createdAt) {}

  private final JdbcClient jdbc;
  private final PersonSearch search;

  NoteStore(JdbcClient jdbc, PersonSearch search) {
    this.jdbc = jdbc;
    this.search = search;
  }

  public void insert(String workspaceId, Note note) {
    jdbc.sql("INSERT INTO person_notes (id, person_id, workspace_id, member_id, body, created_at) VALUES (:id, :p, :ws, :m, :body, :at)")
        .param("id", note.id()).param("p", note.personId()).param("ws", workspaceId).param("m", note.memberId())
        .param("body", note.body()).param("at", note.createdAt().toEpochMilli()).update();
    search.reindex(workspaceId, note.personId());
  }

  public boolean delete(String workspaceId, String personId, String id) {
    boolean deleted = jdbc.sql("DELETE FROM person_notes WHERE workspace_id = :ws AND person_id = :p AND id = :id")
        .param("ws", workspaceId).param("p", personId).param("id", id).update() == 1;
    if (deleted) {
      search.reindex(workspaceId, personId);
    }
    return deleted;
  }

  /** The notes' texts of these people, oldest first, by person. */
  public java.util.Map<String, List<String>> bodies(String workspaceId, java.util.Collection<String> personIds) {
    java.util.Map<String, List<String>> byPerson = new java.util.HashMap<>();
    jdbc.sql("SELECT person_id, body FROM person_notes WHERE workspace_id = :ws AND person_id IN (:ids) ORDER BY id")
        .param("ws", workspaceId).param("ids", personIds)
        .query(rs -> {
          byPerson.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>()).add(rs.getString(2));
        });
    return byPerson;
  }

  /** Newest first. */
  public List<Note> of(String workspaceId, String personId) {
    return jdbc.sql("SELECT id, person_id, member_id, body, created_at FROM person_notes WHERE workspace_id = :ws AND person_id = :p "
            + "ORDER BY id DESC")
        .param("ws", workspaceId).param("p", personId)
        .query((rs, n) -> new Note(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            Instant.ofEpochMilli(rs.getLong(5))))
        .list();
  }
}
