package org.socius.team.internal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The users table: one row per person who can sign in. */
@Repository
public class UserStore {

  public record User(String id, String email, String name, String passwordHash, String theme, long createdAt, long passwordChangedAt) {}

  private static final String COLUMNS = "id, email, name, password_hash, theme, created_at, password_changed_at";

  private final JdbcClient jdbc;

  UserStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(User user) {
    jdbc.sql("""
        INSERT INTO users (id, email, name, password_hash, theme, created_at, password_changed_at)
        VALUES (:id, :email, :name, :hash, :theme, :created, :changed)""")
        .param("id", user.id()).param("email", user.email()).param("name", user.name())
        .param("hash", user.passwordHash()).param("theme", user.theme())
        .param("created", user.createdAt()).param("changed", user.passwordChangedAt())
        .update();
  }

  public Optional<User> findByEmail(String email) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE email = :email").param("email", email).query(User.class).optional();
  }

  public Optional<User> findById(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id").param("id", id).query(User.class).optional();
  }

  public boolean emailTaken(String email) {
    return jdbc.sql("SELECT COUNT(*) FROM users WHERE email = :email").param("email", email).query(Long.class).single() > 0;
  }

  public void updatePassword(String id, String hash, long now) {
    jdbc.sql("UPDATE users SET password_hash = :hash, password_changed_at = :now WHERE id = :id")
        .param("hash", hash).param("now", now).param("id", id).update();
  }

  public void updateAccount(String id, String name, String theme) {
    jdbc.sql("UPDATE users SET name = :name, theme = :theme WHERE id = :id")
        .param("name", name).param("theme", theme).param("id", id).update();
  }

  public long count() {
    return jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
  }
}
