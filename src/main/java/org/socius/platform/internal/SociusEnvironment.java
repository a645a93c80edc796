package org.socius.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.socius.platform.DataDirectory;
import org.socius.platform.Database;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns the few {@code SOCIUS_*} settings a user knows about into Spring's properties: the data
 * directory, which database to use, and the scheduler's polling strategy for that database.
 * Runs before the context starts so that the datasource and Flyway see the result.
 */
public class SociusEnvironment implements EnvironmentPostProcessor, Ordered {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication app) {
    Map<String, Object> props = new HashMap<>();
    DataDirectory dataDir = Database.dataDirectory(env);
    Database database = Database.fromSettings(env);
    props.put("socius.data-dir", dataDir.path().toString());
    props.put("spring.datasource.url", database.url());
    if (database.isSqlite()) {
      createDirectory(dataDir);
      props.put("spring.datasource.driver-class-name", "org.sqlite.JDBC");
      // one writer at a time; a few connections serve concurrent readers in WAL mode
      props.put("spring.datasource.hikari.maximum-pool-size", "6");
      props.put("db-scheduler.polling-strategy", "fetch");
      props.put("socius.db.vendor", "sqlite");
    } else {
      props.put("spring.datasource.username", env.getProperty("socius.db.user", ""));
      props.put("spring.datasource.password", env.getProperty("socius.db.password", ""));
      props.put("db-scheduler.polling-strategy", "lock-and-fetch"); // SELECT … FOR UPDATE SKIP LOCKED
      // Plan each statement for its values. After five runs PostgreSQL may keep a generic plan, made
      // without them: for a search it guesses a common word's matches and a date range's items alike
      // (5,000 rows each) and took 3 s at a million items where the plan for the values took 44 ms.
      props.put("spring.datasource.hikari.connection-init-sql", "SET plan_cache_mode = force_custom_plan");
      props.put("socius.db.vendor", "postgresql");
    }
    env.getPropertySources().addFirst(new MapPropertySource("socius", props));
  }

  private static void createDirectory(DataDirectory dir) {
    try {
      Files.createDirectories(dir.path());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the data directory " + dir.path(), e);
    }
  }

  @Override
  public int getOrder() {
    // after application.properties and the environment variables have been read
    return Ordered.LOWEST_PRECEDENCE;
  }
}
