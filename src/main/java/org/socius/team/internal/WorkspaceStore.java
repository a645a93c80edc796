package org.socius.team.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.socius.team.Workspace;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The workspaces table. */
@Repository
public class WorkspaceStore {

  private static final String COLUMNS = "id, slug, name, kind, time_zone, locale, public_page";

  private final JdbcClient jdbc;

  WorkspaceStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  static Workspace map(ResultSet rs, int row) throws SQLException {
    return new Workspace(rs.getString("id"), rs.getString("slug"), rs.getString("name"),
        Workspace.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)), ZoneId.of(rs.getString("time_zone")),
        Locale.forLanguageTag(rs.getString("locale")), rs.getBoolean("public_page"));
  }

  public void insert(Workspace w, long now) {
    jdbc.sql("""
        INSERT INTO workspaces (id, slug, name, kind, time_zone, locale, public_page, created_at)
        VALUES (:id, :slug, :name, :kind, :tz, :locale, :public, :now)""")
        .param("id", w.id()).param("slug", w.slug()).param("name", w.name())
        .param("kind", w.kind().name().toLowerCase(Locale.ROOT)).param("tz", w.timeZone().getId())
        .param("locale", w.locale().toLanguageTag()).param("public", w.publicPage()).param("now", now)
        .update();
  }

  public void update(Workspace w) {
    jdbc.sql("""
        UPDATE workspaces SET slug = :slug, name = :name, kind = :kind, time_zone = :tz, locale = :locale,
               public_page = :public
         WHERE id = :id""")
        .param("id", w.id()).param("slug", w.slug()).param("name", w.name())
        .param("kind", w.kind().name().toLowerCase(Locale.ROOT)).param("tz", w.timeZone().getId())
        .param("locale", w.locale().toLanguageTag()).param("public", w.publicPage())
        .update();
  }

  public Optional<Workspace> findById(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM workspaces WHERE id = :id").param("id", id).query(WorkspaceStore::map).optional();
  }

  public Optional<Workspace> findBySlug(String slug) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM workspaces WHERE slug = :slug").param("slug", slug).query(WorkspaceStore::map).optional();
  }

  public boolean slugTaken(String slug, String exceptId) {
    return jdbc.sql("SELECT COUNT(*) FROM workspaces WHERE slug = :slug AND id <> :id")
        .param("slug", slug).param("id", exceptId == null ? "" : exceptId).query(Long.class).single() > 0;
  }

  public List<Workspace> all() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM workspaces ORDER BY id").query(WorkspaceStore::map).list();
  }

  /** The workspaces a user belongs to, oldest membership first. */
  public List<Workspace> forUser(String userId) {
    return jdbc.sql("""
        SELECT w.id, w.slug, w.name, w.kind, w.time_zone, w.locale, w.public_page
          FROM workspaces w JOIN members m ON m.workspace_id = w.id
         WHERE m.user_id = :user
         ORDER BY m.joined_at, w.id""").param("user", userId).query(WorkspaceStore::map).list();
  }
}
