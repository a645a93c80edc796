package org.socius.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.socius.testing.Postgres;

/**
 * A PostgreSQL database of its own for a benchmark run. Named apart from the test databases,
 * because a test run that starts meanwhile drops the test databases it finds left over.
 */
final class BenchDatabase {

  private BenchDatabase() {}

  /** Creates an empty database, dropped when this JVM ends, and returns its JDBC URL. */
  static String create() {
    String admin = Postgres.adminUrl();
    String name = "socius_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(admin); var s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create a database on " + admin + ": " + e.getMessage(), e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(admin, name)));
    int start = admin.indexOf("//") + 2;
    int slash = admin.indexOf('/', start);
    int query = admin.indexOf('?', slash);
    return admin.substring(0, slash + 1) + name + (query < 0 ? "" : admin.substring(query));
  }

  private static void drop(String admin, String name) {
    try (Connection c = DriverManager.getConnection(admin); var s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException ignored) {
      // a database left behind costs only disk space
    }
  }
}
