package org.socius.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.socius.platform.Database;
import org.springframework.core.env.StandardEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "backup", description = {
    "Write a consistent copy of the embedded database to FILE while Socius keeps running.",
    "On PostgreSQL, prints the pg_dump command to use instead."})
class BackupCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "Where to write the backup")
  Path file;

  @Option(names = "--force", description = "Overwrite FILE if it exists")
  boolean force;

  @Override
  public void run() {
    var env = new StandardEnvironment();
    Database database = Database.fromSettings(env);
    var out = spec.commandLine().getOut();
    if (!database.isSqlite()) {
      out.println(PgDump.command(database.url(), env.getProperty("socius.db.user", ""), file));
      return;
    }
    Path source = Database.dataDirectory(env).sqliteDatabase();
    if (!Files.exists(source)) {
      throw new SociusCli.CliFailure("There is no database at " + source + " (is SOCIUS_DATA_DIR right?)");
    }
    Path target = file.toAbsolutePath().normalize();
    try {
      if (Files.exists(target)) {
        if (!force) {
          throw new SociusCli.CliFailure(target + " exists; choose another file or add --force");
        }
        Files.delete(target);
      }
      if (target.getParent() != null) {
        Files.createDirectories(target.getParent());
      }
      // VACUUM INTO reads one consistent snapshot while the server goes on writing (WAL mode)
      try (var connection = DriverManager.getConnection("jdbc:sqlite:" + source + "?busy_timeout=10000");
          var statement = connection.prepareStatement("VACUUM INTO ?")) {
        statement.setString(1, target.toString());
        statement.execute();
      }
      out.println("Backed up " + source + " to " + target + " (" + Files.size(target) + " bytes)");
    } catch (SQLException | java.io.IOException e) {
      throw new SociusCli.CliFailure("The backup failed: " + e.getMessage());
    }
  }
}
