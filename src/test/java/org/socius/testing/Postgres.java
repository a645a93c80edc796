package org.socius.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The PostgreSQL server named by {@code SOCIUS_TEST_POSTGRES_URL} (a JDBC URL with a user that
 * may create databases, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}).
 * Each started app gets a fresh database, dropped when the test JVM ends.
 */
public final class Postgres {

  public static final String ENV = "SOCIUS_TEST_POSTGRES_URL";
  private static boolean cleaned;

  private Postgres() {}

  public static String adminUrl() {
    String url = System.getenv(ENV);
    Prerequisites.require(url != null && !url.isBlank(), ENV + " is not set (PostgreSQL tests need a server)");
    return url;
  }

  /** Creates an empty database and returns its JDBC URL (same server, user and options). */
  public static synchronized String freshDatabase() {
    String admin = adminUrl();
    String name = "socius_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(admin); var s = c.createStatement()) {
      if (!cleaned) {
        // databases left by an earlier, interrupted run
        var old = new java.util.ArrayList<String>();
        try (var rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'socius\\_t\\_%'")) {
          while (rs.next()) {
            old.add(rs.getString(1));
          }
        }
        for (String db : old) {
          s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
        cleaned = true;
      }
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create a test database on " + admin + ": " + e.getMessage(), e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(admin, name)));
    return replaceDatabase(admin, name);
  }

  private static void drop(String admin, String name) {
    try (Connection c = DriverManager.getConnection(admin); var s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException ignored) {
      // the next run removes it
    }
  }

  static String replaceDatabase(String url, String database) {
    int start = url.indexOf("//") + 2;
    int slash = url.indexOf('/', start);
    int query = url.indexOf('?', slash);
    return url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
  }
}
