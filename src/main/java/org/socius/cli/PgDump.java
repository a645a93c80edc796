package org.socius.cli;

import java.nio.file.Path;

/** The pg_dump / pg_restore commands for a PostgreSQL JDBC URL: PostgreSQL's own tools do its backups best. */
final class PgDump {

  private PgDump() {}

  static String command(String jdbcUrl, String user, Path file) {
    return "PostgreSQL is backed up with its own tools. Run:\n  pg_dump --format=custom --file=" + quote(file.toString()) + " "
        + connection(jdbcUrl, user) + "\nand restore with:\n  pg_restore --clean --if-exists --dbname="
        + quote(libpqUri(jdbcUrl, user)) + " " + quote(file.toString());
  }

  private static String connection(String jdbcUrl, String user) {
    return "--dbname=" + quote(libpqUri(jdbcUrl, user));
  }

  /**
   * The libpq address of a pgjdbc URL: {@code jdbc:postgresql://host[:port][,host2[:port2]…]/db?…},
   * {@code jdbc:postgresql:/db} or {@code jdbc:postgresql:db} (on localhost). The URL's parameters
   * (which may hold a password) are left out.
   */
  static String libpqUri(String jdbcUrl, String user) {
    String rest = jdbcUrl.substring("jdbc:postgresql:".length());
    int query = rest.indexOf('?');
    if (query >= 0) {
      rest = rest.substring(0, query);
    }
    String hosts = "";
    String database = rest.startsWith("/") ? rest.substring(1) : rest;
    if (rest.startsWith("//")) {
      int slash = rest.indexOf('/', 2);
      hosts = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
      database = slash < 0 ? "" : rest.substring(slash + 1);
    }
    String who = user == null || user.isBlank() ? "" : user + "@";
    return "postgresql://" + who + (hosts.isEmpty() ? "localhost" : hosts) + "/" + database;
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
