package org.socius.team.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Personal API tokens, stored as SHA-256 hashes. */
@Repository
public class ApiTokenStore {

  /** @param personalMessages made by a person with the scope to send personal messages (audited) */
  public record ApiToken(String id, String workspaceId, String userId, String name, String role, String hint,
      long createdAt, Long lastUsedAt, Long revokedAt, boolean personalMessages) {}

  private static final String COLUMNS =
      "id, workspace_id, user_id, name, role, hint, created_at, last_used_at, revoked_at, personal_messages";

  private final JdbcClient jdbc;

  ApiTokenStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(ApiToken t, String hash) {
    jdbc.sql("""
        INSERT INTO api_tokens (id, workspace_id, user_id, name, role, token_hash, hint, created_at, personal_messages)
        VALUES (:id, :ws, :user, :name, :role, :hash, :hint, :created, :personal)""")
        .param("id", t.id()).param("ws", t.workspaceId()).param("user", t.userId()).param("name", t.name())
        .param("role", t.role()).param("hash", hash).param("hint", t.hint()).param("created", t.createdAt())
        .param("personal", t.personalMessages())
        .update();
  }

  public Optional<ApiToken> findActiveByHash(String hash) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM api_tokens WHERE token_hash = :hash AND revoked_at IS NULL")
        .param("hash", hash).query(ApiToken.class).optional();
  }

  public List<ApiToken> forMember(String workspaceId, String userId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM api_tokens WHERE workspace_id = :ws AND user_id = :user AND revoked_at IS NULL ORDER BY id DESC")
        .param("ws", workspaceId).param("user", userId).query(ApiToken.class).list();
  }

  public boolean revoke(String workspaceId, String userId, String id, long now) {
    return jdbc.sql("UPDATE api_tokens SET revoked_at = :now WHERE workspace_id = :ws AND user_id = :user AND id = :id AND revoked_at IS NULL")
        .param("now", now).param("ws", workspaceId).param("user", userId).param("id", id).update() == 1;
  }

  /** Tokens of a member who left stop working at once. */
  public void revokeAllOf(String workspaceId, String userId, long now) {
    jdbc.sql("UPDATE api_tokens SET revoked_at = :now WHERE workspace_id = :ws AND user_id = :user AND revoked_at IS NULL")
        .param("now", now).param("ws", workspaceId).param("user", userId).update();
  }

  /** Records use at most once a minute per token, so reads do not turn into a write each. */
  public void touch(String id, long now) {
    jdbc.sql("UPDATE api_tokens SET last_used_at = :now WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :stale)")
        .param("now", now).param("id", id).param("stale", now - 60_000).update();
  }
}
