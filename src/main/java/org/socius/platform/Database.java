package org.socius.platform;

/** The database in use: the embedded SQLite file or a PostgreSQL server. */
public record Database(Vendor vendor, String url) {

  public enum Vendor {
    SQLITE,
    POSTGRESQL
  }

  /** Options for the embedded database: WAL for concurrent readers, IMMEDIATE writes to avoid lock upgrades. */
  public static final String SQLITE_OPTIONS =
      "?journal_mode=WAL&busy_timeout=10000&foreign_keys=true&transaction_mode=IMMEDIATE&synchronous=NORMAL";

  public boolean isSqlite() {
    return vendor == Vendor.SQLITE;
  }

  /**
   * The database that the settings name: {@code socius.db.url} ({@code SOCIUS_DB_URL}) for
   * PostgreSQL, otherwise SQLite in the data directory ({@code SOCIUS_DATA_DIR}, default
   * {@code ./socius-data}).
   */
  public static Database fromSettings(org.springframework.core.env.PropertyResolver env) {
    String dbUrl = env.getProperty("socius.db.url", "");
    if (dbUrl.isBlank()) {
      return new Database(Vendor.SQLITE, "jdbc:sqlite:" + dataDirectory(env).sqliteDatabase() + SQLITE_OPTIONS);
    }
    if (dbUrl.startsWith("jdbc:postgresql:")) {
      return new Database(Vendor.POSTGRESQL, dbUrl);
    }
    throw new IllegalStateException(
        "SOCIUS_DB_URL must start with jdbc:postgresql: (or be empty for the embedded SQLite database), got: " + dbUrl);
  }

  public static DataDirectory dataDirectory(org.springframework.core.env.PropertyResolver env) {
    return new DataDirectory(java.nio.file.Path.of(env.getProperty("socius.data-dir", "./socius-data")).toAbsolutePath().normalize());
  }
}
