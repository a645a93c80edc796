package org.socius.team.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One-time invitation links; only the hash of the link's secret is stored. */
@Repository
public class InvitationStore {

  public record Invitation(String id, String workspaceId, String role, String note, String createdBy, long createdAt,
      long expiresAt, String acceptedBy, Long acceptedAt) {}

  private static final String COLUMNS = "id, workspace_id, role, note, created_by, created_at, expires_at, accepted_by, accepted_at";

  private final JdbcClient jdbc;

  InvitationStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Invitation i, String tokenHash) {
    jdbc.sql("""
        INSERT INTO invitations (id, workspace_id, token_hash, role, note, created_by, created_at, expires_at)
        VALUES (:id, :ws, :hash, :role, :note, :by, :created, :expires)""")
        .param("id", i.id()).param("ws", i.workspaceId()).param("hash", tokenHash).param("role", i.role())
        .param("note", i.note()).param("by", i.createdBy()).param("created", i.createdAt()).param("expires", i.expiresAt())
        .update();
  }

  public Optional<Invitation> findByTokenHash(String hash) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM invitations WHERE token_hash = :hash").param("hash", hash).query(Invitation.class).optional();
  }

  /** Open invitations of a workspace (not accepted, not expired), newest first. */
  public List<Invitation> open(String workspaceId, long now) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM invitations WHERE workspace_id = :ws AND accepted_at IS NULL AND expires_at > :now ORDER BY created_at DESC")
        .param("ws", workspaceId).param("now", now).query(Invitation.class).list();
  }

  /**
   * Marks the invitation used. The conditions make it one-time even when two people open the
   * link at once: only one UPDATE finds the row still open.
   */
  public boolean markAccepted(String id, String userId, long now) {
    return jdbc.sql("""
        UPDATE invitations SET accepted_by = :user, accepted_at = :now
         WHERE id = :id AND accepted_at IS NULL AND expires_at > :now""")
        .param("user", userId).param("now", now).param("id", id).update() == 1;
  }

  public boolean delete(String workspaceId, String id) {
    return jdbc.sql("DELETE FROM invitations WHERE workspace_id = :ws AND id = :id AND accepted_at IS NULL")
        .param("ws", workspaceId).param("id", id).update() == 1;
  }

  /** Removes expired open invitations and accepted ones older than the cut-off. */
  public int deleteExpired(long now, long acceptedBefore) {
    return jdbc.sql("DELETE FROM invitations WHERE (accepted_at IS NULL AND expires_at <= :now) OR accepted_at < :before")
        .param("now", now).param("before", acceptedBefore).update();
  }
}
