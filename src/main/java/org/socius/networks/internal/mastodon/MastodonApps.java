package org.socius.networks.internal.mastodon;

import java.time.Clock;
import java.util.Optional;
import org.socius.platform.SecretBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The OAuth applications Socius registered, one per server and redirect address
 * ({@code mastodon_apps}). The client secret is sealed with the {@link SecretBox}, bound to the
 * server ({@code mastodon-app:<instance>}).
 */
@Repository
class MastodonApps {

  record App(String instance, String redirectUri, String clientId, String clientSecret, String scopes) {}

  private final JdbcClient jdbc;
  private final SecretBox box;
  private final Clock clock;

  MastodonApps(JdbcClient jdbc, SecretBox box, Clock clock) {
    this.jdbc = jdbc;
    this.box = box;
    this.clock = clock;
  }

  Optional<App> find(String instance, String redirectUri) {
    return jdbc.sql("SELECT client_id, client_secret, scopes FROM mastodon_apps WHERE instance = :i AND redirect_uri = :r")
        .param("i", instance).param("r", redirectUri)
        .query((rs, n) -> new App(instance, redirectUri, rs.getString(1), box.decrypt(rs.getString(2), context(instance)),
            rs.getString(3)))
        .optional();
  }

  /** Stores a newly registered app, replacing one registered earlier with other scopes. */
  void save(App app) {
    jdbc.sql("DELETE FROM mastodon_apps WHERE instance = :i AND redirect_uri = :r")
        .param("i", app.instance()).param("r", app.redirectUri()).update();
    jdbc.sql("""
        INSERT INTO mastodon_apps (instance, redirect_uri, client_id, client_secret, scopes, created_at)
        VALUES (:i, :r, :id, :secret, :scopes, :now)
        ON CONFLICT (instance, redirect_uri) DO NOTHING""")
        .param("i", app.instance()).param("r", app.redirectUri()).param("id", app.clientId())
        .param("secret", box.encrypt(app.clientSecret(), context(app.instance()))).param("scopes", app.scopes())
        .param("now", clock.millis()).update();
  }

  private static String context(String instance) {
    return "mastodon-app:" + instance;
  }
}
