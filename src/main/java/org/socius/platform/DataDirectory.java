package org.socius.platform;

import java.nio.file.Path;

/** Where Socius keeps its files: the SQLite database (when embedded) and the secret key file. */
public record DataDirectory(Path path) {

  public Path sqliteDatabase() {
    return path.resolve("socius.db");
  }

  /** Held by a running server on the embedded database, so that a restore cannot pull the floor away. */
  public Path lockFile() {
    return path.resolve("socius.lock");
  }

  public Path secretKeyFile() {
    return path.resolve("secret.key");
  }
}
