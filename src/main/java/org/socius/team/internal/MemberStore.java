package org.socius.team.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.socius.team.Member;
import org.socius.team.MemberProfile;
import org.socius.team.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The members table: memberships with their profiles. Every query names the workspace. */
@Repository
public class MemberStore {

  private static final String PROFILE_COLUMNS =
      "m.id, m.workspace_id, m.user_id, m.role, m.display_name, m.bio, m.signature, m.show_publicly, m.has_avatar";

  private final JdbcClient jdbc;

  MemberStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  static MemberProfile mapProfile(ResultSet rs, int row) throws SQLException {
    return new MemberProfile(rs.getString("id"), rs.getString("workspace_id"), rs.getString("user_id"),
        Role.parse("role", rs.getString("role")), rs.getString("display_name"), rs.getString("bio"),
        rs.getString("signature"), rs.getBoolean("show_publicly"), rs.getBoolean("has_avatar"));
  }

  public void insert(String id, String workspaceId, String userId, Role role, String displayName, long now) {
    jdbc.sql("""
        INSERT INTO members (id, workspace_id, user_id, role, display_name, joined_at)
        VALUES (:id, :ws, :user, :role, :name, :now)""")
        .param("id", id).param("ws", workspaceId).param("user", userId).param("role", role.code())
        .param("name", displayName).param("now", now).update();
  }

  /** The caller's membership in the workspace with this slug, if any. */
  public Optional<Member> memberBySlug(String slug, String userId) {
    return jdbc.sql("""
        SELECT m.id, m.workspace_id, w.slug, w.name AS workspace_name, m.user_id, m.display_name, m.role
          FROM members m JOIN workspaces w ON w.id = m.workspace_id
         WHERE w.slug = :slug AND m.user_id = :user""")
        .param("slug", slug).param("user", userId).query(MemberStore::mapMember).optional();
  }

  public Optional<Member> memberById(String workspaceId, String userId) {
    return jdbc.sql("""
        SELECT m.id, m.workspace_id, w.slug, w.name AS workspace_name, m.user_id, m.display_name, m.role
          FROM members m JOIN workspaces w ON w.id = m.workspace_id
         WHERE m.workspace_id = :ws AND m.user_id = :user""")
        .param("ws", workspaceId).param("user", userId).query(MemberStore::mapMember).optional();
  }

  private static Member mapMember(ResultSet rs, int row) throws SQLException {
    return new Member(rs.getString("id"), rs.getString("workspace_id"), rs.getString("slug"), rs.getString("workspace_name"),
        rs.getString("user_id"), rs.getString("display_name"), Role.parse("role", rs.getString("role")), null);
  }

  public Optional<MemberProfile> profile(String workspaceId, String memberId) {
    return jdbc.sql("SELECT " + PROFILE_COLUMNS + " FROM members m WHERE m.workspace_id = :ws AND m.id = :id")
        .param("ws", workspaceId).param("id", memberId).query(MemberStore::mapProfile).optional();
  }

  /**
   * A profile by member id alone, for public resources (an avatar link) whose caller is checked
   * against the result's workspace afterwards.
   */
  public Optional<MemberProfile> profileForPublicCheck(String memberId) {
    return jdbc.sql("SELECT " + PROFILE_COLUMNS + " FROM members m WHERE m.id = :id")
        .param("id", memberId).query(MemberStore::mapProfile).optional();
  }

  /** One page of a workspace's members in id order, starting after {@code afterId}. */
  public List<MemberProfile> page(String workspaceId, String afterId, int limit) {
    return jdbc.sql("SELECT " + PROFILE_COLUMNS + " FROM members m WHERE m.workspace_id = :ws AND m.id > :after ORDER BY m.id LIMIT :limit")
        .param("ws", workspaceId).param("after", afterId).param("limit", limit).query(MemberStore::mapProfile).list();
  }

  public List<MemberProfile> withRole(String workspaceId, Role role) {
    return jdbc.sql("SELECT " + PROFILE_COLUMNS + " FROM members m WHERE m.workspace_id = :ws AND m.role = :role ORDER BY m.id")
        .param("ws", workspaceId).param("role", role.code()).query(MemberStore::mapProfile).list();
  }

  public List<MemberProfile> all(String workspaceId) {
    return jdbc.sql("SELECT " + PROFILE_COLUMNS + " FROM members m WHERE m.workspace_id = :ws ORDER BY m.joined_at, m.id")
        .param("ws", workspaceId).query(MemberStore::mapProfile).list();
  }

  public List<MemberProfile> shownPublicly(String workspaceId) {
    return jdbc.sql("SELECT " + PROFILE_COLUMNS + " FROM members m WHERE m.workspace_id = :ws AND m.show_publicly = TRUE ORDER BY m.joined_at, m.id")
        .param("ws", workspaceId).query(MemberStore::mapProfile).list();
  }

  public int countOwners(String workspaceId) {
    return jdbc.sql("SELECT COUNT(*) FROM members WHERE workspace_id = :ws AND role = 'owner'")
        .param("ws", workspaceId).query(Integer.class).single();
  }

  public int countMembers(String workspaceId) {
    return jdbc.sql("SELECT COUNT(*) FROM members WHERE workspace_id = :ws").param("ws", workspaceId).query(Integer.class).single();
  }

  public void updateRole(String workspaceId, String memberId, Role role) {
    jdbc.sql("UPDATE members SET role = :role WHERE workspace_id = :ws AND id = :id")
        .param("role", role.code()).param("ws", workspaceId).param("id", memberId).update();
  }

  public void updateProfile(String workspaceId, String memberId, String displayName, String bio, String signature, boolean showPublicly) {
    jdbc.sql("""
        UPDATE members SET display_name = :name, bio = :bio, signature = :signature, show_publicly = :shown
         WHERE workspace_id = :ws AND id = :id""")
        .param("name", displayName).param("bio", bio).param("signature", signature).param("shown", showPublicly)
        .param("ws", workspaceId).param("id", memberId).update();
  }

  public void delete(String workspaceId, String memberId) {
    jdbc.sql("DELETE FROM members WHERE workspace_id = :ws AND id = :id").param("ws", workspaceId).param("id", memberId).update();
  }

  public void setHasAvatar(String workspaceId, String memberId, boolean has) {
    jdbc.sql("UPDATE members SET has_avatar = :has WHERE workspace_id = :ws AND id = :id")
        .param("has", has).param("ws", workspaceId).param("id", memberId).update();
  }
}
