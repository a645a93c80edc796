package org.socius.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.socius.SociusApplication;
import org.socius.team.Accounts;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application started on a random port, as a user would run it. Integration suites
 * share one app per store ({@link #shared}); tests that need their own (first-run setup, two
 * nodes) {@link #start} one. Shared apps are set up already: an installation owner exists, and
 * tests make their own users and workspaces with unique names.
 */
public final class SociusApp implements AutoCloseable {

  private static final Map<Store, SociusApp> SHARED = new EnumMap<>(Store.class);

  private final ConfigurableApplicationContext context;
  private final Path dataDir;
  private final String dbUrl;

  private SociusApp(ConfigurableApplicationContext context, Path dataDir, String dbUrl) {
    this.context = context;
    this.dataDir = dataDir;
    this.dbUrl = dbUrl;
  }

  public static synchronized SociusApp shared(Store store) {
    return SHARED.computeIfAbsent(store, s -> {
      SociusApp app = start(s, Map.of());
      app.bean(Accounts.class).createUser("Installation Owner", "installer@socius.test", "installer-password-1");
      Runtime.getRuntime().addShutdownHook(new Thread(app::close));
      return app;
    });
  }

  /** A fresh app on a fresh database. */
  public static SociusApp start(Store store, Map<String, String> properties) {
    String db = store == Store.POSTGRES ? Postgres.freshDatabase() : null;
    return startOn(db, properties);
  }

  /** An app on the given PostgreSQL database (null: a fresh SQLite data directory), e.g. a second node. */
  public static SociusApp startOn(String postgresUrl, Map<String, String> properties) {
    Path dir;
    try {
      dir = Files.createTempDirectory("socius-test");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return launch(dir, postgresUrl, TEST_KEY, properties);
  }

  /** An app on the given database (null: SQLite in {@code dataDir}) with the shared test key, e.g. a node started again. */
  public static SociusApp startOn(String postgresUrl, Path dataDir, Map<String, String> properties) {
    return launch(dataDir, postgresUrl, TEST_KEY, properties);
  }

  /**
   * An app on SQLite in the given data directory (created if missing), keeping what is there,
   * e.g. a directory the command line has worked on. It uses the directory's own key file
   * rather than the shared test key, as a server and the command line on one machine do.
   */
  public static SociusApp startOnDataDir(Path dataDir, Map<String, String> properties) {
    return launch(dataDir, null, null, properties);
  }

  private static SociusApp launch(Path dir, String postgresUrl, String secretKey, Map<String, String> properties) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--socius.data-dir=" + dir);
    args.add("--socius.allow-private-networks=127.0.0.1,::1");
    args.add("--logging.level.root=WARN");
    if (secretKey != null) {
      args.add("--socius.secret-key=" + secretKey);
    }
    if (postgresUrl != null) {
      args.add("--socius.db.url=" + postgresUrl);
    }
    properties.forEach((k, v) -> args.add("--" + k + "=" + v));
    SpringApplication application = new SpringApplication(SociusApplication.class);
    ConfigurableApplicationContext context = application.run(args.toArray(String[]::new));
    return new SociusApp(context, dir, postgresUrl);
  }

  /** Every test app shares one key, so that nodes on one database agree (as the docs ask of operators). */
  static final String TEST_KEY = "dGVzdC1rZXktdGVzdC1rZXktdGVzdC1rZXktdGVzdCE=";

  public int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  public ConfigurableApplicationContext context() {
    return context;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** The PostgreSQL URL this app uses, or null on SQLite. */
  public String postgresUrl() {
    return dbUrl;
  }

  public WebSession session() {
    return new WebSession(baseUrl());
  }

  @Override
  public void close() {
    if (context.isActive()) {
      context.close();
    }
  }
}
