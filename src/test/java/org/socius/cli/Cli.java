package org.socius.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs CLI commands in-process as a user would from a shell. The command line reads its
 * settings ({@code socius.data-dir}, {@code socius.db.url}, ...) from the environment, which
 * includes the JVM's system properties; they are set for the one call and restored after it,
 * together with {@code System.in}. Test classes using it are {@code @Isolated}: nothing else may
 * run while the properties are changed.
 */
final class Cli {

  private Cli() {}

  /** What a command printed and its exit code. */
  record Run(int code, String out, String err) {}

  /** A command on the embedded database in the given data directory. */
  static Run on(Path dataDir, String... args) {
    return with(sqlite(dataDir), null, args);
  }

  /** A command on the embedded database with the given standard input. */
  static Run onWithInput(Path dataDir, String stdin, String... args) {
    return with(sqlite(dataDir), stdin, args);
  }

  static Map<String, String> sqlite(Path dataDir) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("socius.data-dir", dataDir.toString());
    settings.put("socius.db.url", ""); // an SOCIUS_DB_URL in the developer's environment must not switch these tests to PostgreSQL
    return settings;
  }

  /** A command with the given settings (as system properties) and standard input (null: empty). */
  static synchronized Run with(Map<String, String> settings, String stdin, String... args) {
    Map<String, String> previous = new HashMap<>();
    InputStream previousIn = System.in;
    try {
      settings.forEach((k, v) -> {
        previous.put(k, System.getProperty(k));
        System.setProperty(k, v);
      });
      System.setIn(new ByteArrayInputStream((stdin == null ? "" : stdin).getBytes(StandardCharsets.UTF_8)));
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = SociusCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
      return new Run(code, out.toString(), err.toString());
    } finally {
      System.setIn(previousIn);
      previous.forEach((k, v) -> {
        if (v == null) {
          System.clearProperty(k);
        } else {
          System.setProperty(k, v);
        }
      });
    }
  }
}
