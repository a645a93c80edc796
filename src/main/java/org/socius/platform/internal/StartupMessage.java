package org.socius.platform.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socius.platform.DataDirectory;
import org.socius.platform.Database;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the person who started Socius where to open it and where their data lives. */
@Component
class StartupMessage {

  private static final Logger log = LoggerFactory.getLogger("socius");

  private final DataDirectory dataDirectory;
  private final Database database;

  StartupMessage(DataDirectory dataDirectory, Database database) {
    this.dataDirectory = dataDirectory;
    this.database = database;
  }

  @EventListener
  void onWebServer(WebServerInitializedEvent event) {
    String store = database.isSqlite() ? "SQLite at " + dataDirectory.sqliteDatabase() : "PostgreSQL";
    log.info("Socius {} is ready: open http://localhost:{}/  (data: {})", Versions.current(), event.getWebServer().getPort(), store);
  }
}
