package org.socius.networks;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;
import org.socius.networks.internal.ChannelStore;
import org.socius.networks.internal.CredentialVault;
import org.socius.networks.internal.SyncChannel;
import org.socius.testing.BlueskyNetwork;
import org.socius.testing.Store;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * No secret of a connected account (app password, access and refresh tokens) appears in clear
 * in the database, in the logs or in any API answer — also after tokens were refreshed and a
 * post was published.
 */
class SecretsStayHiddenTest {

  @ParameterizedTest
  @EnumSource(Store.class)
  void secretsAppearNowhereInClear(Store store) throws InterruptedException {
    BlueskyNetwork net = BlueskyNetwork.get();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    root.addAppender(logs);
    var previous = root.getLevel();
    root.setLevel(ch.qos.logback.classic.Level.DEBUG);
    try {
      var app = BlueskyChannelTest.app(store);
      var team = org.socius.testing.Teams.create(app);
      var me = net.createAccount("secret");
      String appPassword = net.appPassword(me);
      String page = "/w/" + team.slug() + "/settings/channels";
      assertThat(team.owner().web().post(page, page + "/bluesky", Map.of("identifier", me.handle(), "appPassword", appPassword)).status())
          .isEqualTo(302);
      var channelsAnswer = team.owner().web().api("GET", "/api/v1/workspaces/" + team.workspaceId() + "/channels", team.ownerToken(), null);
      String channelId = channelsAnswer.body().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
      Thread.sleep((net.accessTokenTtlSeconds() + 1) * 1000); // let the access token expire, so it is refreshed
      app.bean(SyncChannel.class).sync(channelId);
      app.bean(Publisher.class).publish(team.workspaceId(), channelId, OutgoingPost.text("hello"), "secret-test-" + channelId);

      var credentials = app.bean(CredentialVault.class).open(channelId, app.bean(ChannelStore.class).syncState(channelId).sealedCredentials());
      List<String> secrets = List.of(appPassword, credentials.get("accessJwt"), credentials.get("refreshJwt"));
      assertThat(secrets).allSatisfy(s -> assertThat(s).hasSizeGreaterThan(10));

      String everything = dumpDatabase(app.bean(JdbcClient.class));
      String api = channelsAnswer.body()
          + team.owner().web().api("GET", "/api/v1/workspaces/" + team.workspaceId() + "/events?limit=200", team.ownerToken(), null).body()
          + team.owner().web().get(page).body();
      StringBuilder logText = new StringBuilder();
      for (ILoggingEvent e : new ArrayList<>(logs.list)) {
        logText.append(e.getFormattedMessage()).append('\n');
        if (e.getThrowableProxy() != null) {
          logText.append(e.getThrowableProxy().getMessage()).append('\n');
        }
      }
      for (String secret : secrets) {
        assertThat(everything).as("database").doesNotContain(secret);
        assertThat(api).as("API and pages").doesNotContain(secret);
        assertThat(logText.toString()).as("logs").doesNotContain(secret);
      }
      assertThat(everything).as("the database holds the sealed form").contains("v1:");
    } finally {
      root.detachAppender(logs);
      root.setLevel(previous);
    }
  }

  /** Every value of every table, as text. */
  static String dumpDatabase(JdbcClient jdbc) {
    List<String> tables;
    try {
      tables = jdbc.sql("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").query(String.class).list();
    } catch (RuntimeException notSqlite) {
      tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'").query(String.class).list();
    }
    return dump(jdbc, tables);
  }

  private static String dump(JdbcClient jdbc, List<String> tables) {
    StringBuilder all = new StringBuilder();
    for (String table : tables) {
      for (Map<String, Object> row : jdbc.sql("SELECT * FROM " + table).query().listOfRows()) {
        for (Object value : row.values()) {
          all.append(value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1) : String.valueOf(value))
              .append('\n');
        }
      }
    }
    return all.toString();
  }
}
