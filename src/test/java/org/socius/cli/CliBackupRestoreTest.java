package org.socius.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.socius.team.Accounts;
import org.socius.testing.SociusApp;

/** backup while the server runs, restore while it is stopped, and what each refuses. */
@Isolated
class CliBackupRestoreTest {

  private static final String PASSWORD = "a-good-long-password";

  @TempDir
  Path tmp;

  @Test
  void aBackupOfARunningServerRestoresOnceTheServerIsStopped() throws Exception {
    Path dataDir = tmp.resolve("data");
    Path backup = tmp.resolve("backups/socius-backup.db");
    var ann = Cli.onWithInput(dataDir, PASSWORD + "\n", "user", "create", "--email", "ann@socius.test", "--name", "Ann", "--password-stdin");
    assertThat(ann.code()).as(ann.err()).isZero();

    try (SociusApp app = SociusApp.startOnDataDir(dataDir, Map.of())) {
      // written by the running server, so possibly only in its write-ahead log yet
      app.bean(Accounts.class).createUser("Bob", "bob@socius.test", PASSWORD);

      var first = Cli.on(dataDir, "backup", backup.toString());
      assertThat(first.code()).as(first.err()).isZero();
      assertThat(first.out()).contains("Backed up").contains(backup.toString());
      assertThat(emails(backup)).containsExactlyInAnyOrder("ann@socius.test", "bob@socius.test");
      assertThat(integrity(backup)).isEqualTo("ok");

      byte[] before = Files.readAllBytes(backup);
      var again = Cli.on(dataDir, "backup", backup.toString());
      assertThat(again.code()).isEqualTo(1);
      assertThat(again.err()).contains("socius: " + backup + " exists; choose another file or add --force");
      assertThat(Files.readAllBytes(backup)).as("the existing file is left alone").isEqualTo(before);

      var refused = Cli.on(dataDir, "restore", backup.toString());
      assertThat(refused.code()).isEqualTo(1);
      assertThat(refused.err()).contains("socius: Socius is running on " + dataDir).contains("stop it before restoring");
      assertThat(dataDir.resolve("socius.db.before-restore")).doesNotExist();

      // after the backup: this user must be gone after the restore, but kept in the replaced database
      app.bean(Accounts.class).createUser("Carol", "carol@socius.test", PASSWORD);
      assertThat(app.session().signIn("carol@socius.test", PASSWORD).location()).isEqualTo("/");
    }

    var restored = Cli.on(dataDir, "restore", backup.toString());
    assertThat(restored.code()).as(restored.err()).isZero();
    assertThat(restored.out()).contains("Restored " + backup);
    assertThat(emails(dataDir.resolve("socius.db"))).containsExactlyInAnyOrder("ann@socius.test", "bob@socius.test");
    assertThat(emails(dataDir.resolve("socius.db.before-restore")))
        .containsExactlyInAnyOrder("ann@socius.test", "bob@socius.test", "carol@socius.test");

    try (SociusApp app = SociusApp.startOnDataDir(dataDir, Map.of())) {
      assertThat(app.session().signIn("bob@socius.test", PASSWORD).location()).as("a user from the backup signs in").isEqualTo("/");
      assertThat(app.session().signIn("carol@socius.test", PASSWORD).location()).as("a user made after the backup")
          .isNotEqualTo("/");
    }
  }

  /**
   * A server that died (power cut, kill -9) leaves committed changes in socius.db-wal that are
   * not in socius.db yet. The copy kept as socius.db.before-restore must still hold them.
   */
  @Test
  void restoreAfterACrashKeepsTheChangesStillInTheWriteAheadLog() throws Exception {
    Path source = tmp.resolve("source");
    Path crashed = tmp.resolve("crashed");
    var ann = Cli.onWithInput(source, PASSWORD + "\n", "user", "create", "--email", "ann@socius.test", "--name", "Ann", "--password-stdin");
    assertThat(ann.code()).as(ann.err()).isZero();
    Path backup = tmp.resolve("backup.db");
    assertThat(Cli.on(source, "backup", backup.toString()).code()).isZero();

    try (var c = DriverManager.getConnection("jdbc:sqlite:" + source.resolve("socius.db") + "?journal_mode=WAL");
        var s = c.createStatement()) {
      s.execute("PRAGMA wal_autocheckpoint=0");
      s.execute("UPDATE users SET name = 'Ann After The Backup'");
      // what a crash leaves on disk: the database file and its write-ahead log, copied while the writer is still open
      Files.createDirectories(crashed);
      for (String name : List.of("socius.db", "socius.db-wal", "secret.key")) {
        Files.copy(source.resolve(name), crashed.resolve(name));
      }
    }
    assertThat(crashed.resolve("socius.db-wal")).isNotEmptyFile();

    var restored = Cli.on(crashed, "restore", backup.toString());
    assertThat(restored.code()).as(restored.err()).isZero();
    assertThat(names(crashed.resolve("socius.db"))).containsExactly("Ann");
    assertThat(names(crashed.resolve("socius.db.before-restore"))).containsExactly("Ann After The Backup");
  }

  /** As in production: the server is another process, whose lock tryLock reports differently than one held in this JVM. */
  @Test
  void restoreIsRefusedWhileAnotherProcessHoldsTheDataDirectoryLock() throws Exception {
    Path dataDir = tmp.resolve("data");
    assertThat(Cli.on(dataDir, "workspace", "list").code()).isZero();
    Path backup = tmp.resolve("backup.db");
    assertThat(Cli.on(dataDir, "backup", backup.toString()).code()).isZero();
    Path locker = tmp.resolve("Locker.java");
    Files.writeString(locker, """
        import java.nio.channels.FileChannel;
        import java.nio.file.Path;
        import java.nio.file.StandardOpenOption;
        public class Locker {
          public static void main(String[] args) throws Exception {
            try (var channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                var lock = channel.lock()) {
              System.out.println("locked");
              System.out.flush();
              System.in.read(); // until the test closes our standard input
            }
          }
        }
        """);
    String javaCommand = ProcessHandle.current().info().command().orElse("java");
    Process server = new ProcessBuilder(javaCommand, locker.toString(), dataDir.resolve("socius.lock").toString()).redirectErrorStream(true).start();
    try {
      var reader = new java.io.BufferedReader(new java.io.InputStreamReader(server.getInputStream()));
      assertThat(reader.readLine()).isEqualTo("locked");
      byte[] live = Files.readAllBytes(dataDir.resolve("socius.db"));

      var refused = Cli.on(dataDir, "restore", backup.toString());
      assertThat(refused.code()).isEqualTo(1);
      assertThat(refused.err()).contains("socius: Socius is running on " + dataDir + "; stop it before restoring");
      assertThat(dataDir.resolve("socius.db.before-restore")).doesNotExist();
      assertThat(Files.readAllBytes(dataDir.resolve("socius.db"))).isEqualTo(live);
    } finally {
      server.getOutputStream().close();
      if (!server.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
    assertThat(Cli.on(dataDir, "restore", backup.toString()).code()).as("once the other process has ended").isZero();
  }

  @Test
  void backupWithForceOverwritesAnExistingFile() throws Exception {
    Path dataDir = tmp.resolve("data");
    var ann = Cli.onWithInput(dataDir, PASSWORD + "\n", "user", "create", "--email", "ann@socius.test", "--name", "Ann", "--password-stdin");
    assertThat(ann.code()).as(ann.err()).isZero();
    Path backup = tmp.resolve("old.db");
    Files.writeString(backup, "an old file");
    var run = Cli.on(dataDir, "backup", "--force", backup.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(emails(backup)).containsExactly("ann@socius.test");
  }

  @Test
  void backupWithoutADatabaseExitsOne() {
    var run = Cli.on(tmp.resolve("empty"), "backup", tmp.resolve("b.db").toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("socius: There is no database at");
    assertThat(tmp.resolve("b.db")).doesNotExist();
  }

  @Test
  void restoreRefusesFilesThatAreNotSociusBackupsAndChangesNothing() throws Exception {
    Path dataDir = tmp.resolve("data");
    var list = Cli.on(dataDir, "workspace", "list"); // creates the database
    assertThat(list.code()).as(list.err()).isZero();
    List<String> before = listing(dataDir);
    byte[] live = Files.readAllBytes(dataDir.resolve("socius.db"));

    Path text = tmp.resolve("notes.txt");
    Files.writeString(text, "This is not a database, just some text that is long enough to look like a file header or two.\n".repeat(50));
    var notSqlite = Cli.on(dataDir, "restore", text.toString());
    assertThat(notSqlite.code()).isEqualTo(1);
    assertThat(notSqlite.err()).contains("socius: " + text + " is not a Socius backup").contains("nothing was restored");

    Path other = tmp.resolve("other.db");
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + other); var s = c.createStatement()) {
      s.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)");
      s.execute("INSERT INTO recipes (name) VALUES ('soup')");
    }
    var otherSqlite = Cli.on(dataDir, "restore", other.toString());
    assertThat(otherSqlite.code()).isEqualTo(1);
    assertThat(otherSqlite.err()).contains("socius: " + other + " is not a Socius backup").contains("nothing was restored");

    var missing = Cli.on(dataDir, "restore", tmp.resolve("nowhere.db").toString());
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("socius: There is no file " + tmp.resolve("nowhere.db"));

    assertThat(listing(dataDir)).as("files in the data directory").isEqualTo(before);
    assertThat(Files.readAllBytes(dataDir.resolve("socius.db"))).isEqualTo(live);
  }

  @Test
  void onPostgresqlBackupPrintsThePgDumpCommandAndRestoreSendsToPgRestore() {
    Path file = tmp.resolve("socius.dump");
    Map<String, String> settings = Map.of("socius.db.url", "jdbc:postgresql://db.internal:5433/socius?password=url-secret",
        "socius.db.user", "socius", "socius.db.password", "hunter2", "socius.data-dir", tmp.resolve("data").toString());

    var backup = Cli.with(settings, null, "backup", file.toString());
    assertThat(backup.code()).as(backup.err()).isZero();
    assertThat(backup.out()).contains("pg_dump --format=custom --file='" + file + "' --dbname='postgresql://socius@db.internal:5433/socius'")
        .contains("pg_restore");
    assertThat(backup.out()).as("no password is printed").doesNotContain("hunter2").doesNotContain("url-secret");
    assertThat(file).doesNotExist();

    var restore = Cli.with(settings, null, "restore", file.toString());
    assertThat(restore.code()).isEqualTo(1);
    assertThat(restore.err()).contains("socius: restore is for the embedded database; on PostgreSQL use pg_restore");
    assertThat(tmp.resolve("data")).doesNotExist();
  }

  private static List<String> emails(Path db) throws SQLException {
    List<String> emails = new ArrayList<>();
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + db + "?open_mode=1");
        var rs = c.createStatement().executeQuery("SELECT email FROM users")) {
      while (rs.next()) {
        emails.add(rs.getString(1));
      }
    }
    return emails;
  }

  /** Opened for writing, as sqlite3 would: a write-ahead log beside the file is replayed. */
  private static List<String> names(Path db) throws SQLException {
    List<String> names = new ArrayList<>();
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + db);
        var rs = c.createStatement().executeQuery("SELECT name FROM users")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  private static String integrity(Path db) throws SQLException {
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + db + "?open_mode=1");
        var rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static List<String> listing(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
