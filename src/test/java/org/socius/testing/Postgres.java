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
    // the name carries its creation time, so that a run removes only databases left by runs long
    // over, never those of another test run going on beside it on the same server
    long now = System.currentTimeMillis() / 1000;
    String name = "socius_t_" + now + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
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
          if (createdBefore(db, now - STALE_SECONDS)) {
            s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
          }
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

  /** A database older than this is left over from an interrupted run. */
  private static final long STALE_SECONDS = 6 * 3600;

  /** Whether a test database was made before the given time; names of the older form count as stale. */
  static boolean createdBefore(String database, long epochSeconds) {
    String[] parts = database.substring("socius_t_".length()).split("_");
    if (parts.length < 2 || !parts[0].matches("\\d{9,12}")) {
      return true;
    }
    return Long.parseLong(parts[0]) < epochSeconds;
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
