package org.socius.cli;

import java.net.URI;
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

  static String libpqUri(String jdbcUrl, String user) {
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    String host = uri.getHost() == null ? "localhost" : uri.getHost();
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    String who = user == null || user.isBlank() ? "" : user + "@";
    return "postgresql://" + who + host + port + uri.getPath();
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
