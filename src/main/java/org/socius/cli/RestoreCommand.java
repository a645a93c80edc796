package org.socius.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.socius.platform.DataDirectory;
import org.socius.platform.Database;
import org.springframework.core.env.StandardEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "restore", description = {
    "Replace the embedded database with a backup made by 'socius backup'. Stop the server first.",
    "The database it replaces is kept beside it as socius.db.before-restore."})
class RestoreCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The backup to restore")
  Path file;

  @Override
  public void run() {
    var env = new StandardEnvironment();
    Database database = Database.fromSettings(env);
    if (!database.isSqlite()) {
      throw new SociusCli.CliFailure("restore is for the embedded database; on PostgreSQL use pg_restore (see 'socius backup FILE')");
    }
    DataDirectory dir = Database.dataDirectory(env);
    Path backup = file.toAbsolutePath().normalize();
    check(backup);
    try {
      Files.createDirectories(dir.path());
      try (var channel = FileChannel.open(dir.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          var lock = tryLock(channel)) {
        if (lock == null) {
          throw new SociusCli.CliFailure("Socius is running on " + dir.path() + "; stop it before restoring");
        }
        Path live = dir.sqliteDatabase();
        Path temp = Files.createTempFile(dir.path(), "restore", ".tmp");
        Files.copy(backup, temp, StandardCopyOption.REPLACE_EXISTING);
        Path kept = dir.path().resolve("socius.db.before-restore");
        Path wal = dir.path().resolve("socius.db-wal");
        if (Files.exists(live)) {
          Files.copy(live, kept, StandardCopyOption.REPLACE_EXISTING);
          // after a crash the write-ahead log holds committed changes not yet in the file: it goes with the kept copy
          // (SQLite replays "<file>-wal" when the copy is opened); an older copy's log must not be replayed onto it
          Files.deleteIfExists(dir.path().resolve("socius.db.before-restore-shm"));
          if (Files.exists(wal)) {
            Files.move(wal, dir.path().resolve("socius.db.before-restore-wal"), StandardCopyOption.REPLACE_EXISTING);
          } else {
            Files.deleteIfExists(dir.path().resolve("socius.db.before-restore-wal"));
          }
        }
        // a write-ahead log left beside the old file belongs to the old file: it must not be replayed onto the backup
        Files.deleteIfExists(wal);
        Files.deleteIfExists(dir.path().resolve("socius.db-shm"));
        Files.move(temp, live, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        spec.commandLine().getOut().println("Restored " + backup + " into " + live);
      }
    } catch (IOException e) {
      throw new SociusCli.CliFailure("The restore failed, nothing was changed: " + e.getMessage());
    }
  }

  /** The lock, or null when a server holds it: in another process, or in this one (which tryLock reports by throwing). */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  /** The file must be an intact SQLite database made by Socius. */
  private static void check(Path backup) {
    if (!Files.isRegularFile(backup)) {
      throw new SociusCli.CliFailure("There is no file " + backup);
    }
    try (var connection = DriverManager.getConnection("jdbc:sqlite:" + backup + "?open_mode=1");
        var statement = connection.createStatement()) {
      try (var rs = statement.executeQuery("PRAGMA integrity_check")) {
        if (!rs.next() || !"ok".equals(rs.getString(1))) {
          throw new SociusCli.CliFailure(backup + " is damaged; nothing was restored");
        }
      }
      try (var rs = statement.executeQuery("SELECT COUNT(*) FROM flyway_schema_history")) {
        rs.next();
      }
    } catch (SQLException e) {
      throw new SociusCli.CliFailure(backup + " is not a Socius backup (" + e.getMessage() + "); nothing was restored");
    }
  }
}
