package org.socius.networks.internal.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.networks.Channel;
import org.socius.networks.internal.ChannelRegistry;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.socius.testing.Teams;
import org.socius.testing.WebSession;
import tools.jackson.databind.JsonNode;

/** Settings → Channels → Mastodon through the real pages: OAuth with PKCE, the pasted token, bad input, and secrets. */
class MastodonConnectTest {

  private final List<FakeMastodon> fakes = new ArrayList<>();
  private final List<MastodonKit> kits = new ArrayList<>();
  private final List<WebSession.Response> responses = new ArrayList<>();

  @AfterEach
  void stop() {
    kits.forEach(k -> k.app.bean(ChannelRegistry.class).of(k.team.workspaceId()).stream()
        .filter(c -> c.status() != Channel.Status.DISCONNECTED)
        .forEach(c -> k.app.bean(ChannelRegistry.class).disconnect(k.owner, c.id())));
    fakes.forEach(FakeMastodon::close);
  }

  private MastodonKit kit(Store store) {
    FakeMastodon fake = new FakeMastodon().standard();
    fakes.add(fake);
    MastodonKit kit = new MastodonKit(SociusApp.shared(store), fake);
    kits.add(kit);
    return kit;
  }

  private static final String SECRET = "csecret-" + UUID.randomUUID();

  private static void registration(FakeMastodon fake, String clientId, String redirectUri) {
    fake.json(post(urlPathEqualTo("/api/v1/apps")), "POST", "/api/v1/apps", 200,
        Fixtures.app(clientId, SECRET, redirectUri, ConnectMastodon.SCOPES));
  }

  private WebSession.Response form(MastodonKit kit, Map<String, String> fields) {
    String slug = kit.team.slug();
    WebSession.Response r = kit.team.owner().web().post("/w/" + slug + "/settings", "/w/" + slug + "/settings/channels/mastodon", fields);
    responses.add(r);
    return r;
  }

  private WebSession.Response page(MastodonKit kit, String path) {
    WebSession.Response r = kit.team.owner().web().get(path);
    responses.add(r);
    return r;
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void connectsThroughTheServersConsentPageWithStateAndPkce(Store store) {
    MastodonKit kit = kit(store);
    FakeMastodon fake = kit.fake;
    String redirectUri = kit.app.baseUrl() + "/oauth/mastodon/callback";
    registration(fake, "cid-1", redirectUri);
    fake.json(post(urlPathEqualTo("/oauth/token")), "POST", "/oauth/token", 200, Fixtures.token(kit.token, ConnectMastodon.SCOPES));
    String slug = kit.team.slug();

    WebSession.Response started = form(kit, Map.of("instance", fake.url()));
    assertThat(started.status()).isEqualTo(302);
    assertThat(started.location()).startsWith("/w/" + slug + "/settings/channels/mastodon/authorize?state=");
    WebSession.Response onTo = page(kit, started.location());
    assertThat(onTo.status()).isEqualTo(200);
    String authorize = onTo.header("Refresh").replaceFirst("^0; url=", "");
    assertThat(onTo.body()).contains("Continue to 127.0.0.1").contains(authorize.replace("&", "&amp;"));
    URI uri = URI.create(authorize);
    assertThat(fake.url() + uri.getPath()).isEqualTo(fake.url() + "/oauth/authorize");
    Map<String, String> q = query(uri);
    assertThat(q).containsEntry("response_type", "code").containsEntry("client_id", "cid-1").containsEntry("redirect_uri", redirectUri)
        .containsEntry("scope", ConnectMastodon.SCOPES).containsEntry("code_challenge_method", "S256");
    assertThat(started.location()).endsWith("state=" + q.get("state"));
    JsonNode app = Fixtures.JSON.readTree(fake.requests("POST", "/api/v1/apps").get(0).getBodyAsString());
    assertThat(app.path("client_name").asString()).isEqualTo("Socius");
    assertThat(app.path("redirect_uris").get(0).asString()).isEqualTo(redirectUri);
    assertThat(app.path("scopes").asString()).isEqualTo(ConnectMastodon.SCOPES);
    assertThat(app.path("website").asString()).isEqualTo(kit.app.baseUrl());

    // the server sends the person back
    WebSession.Response back = page(kit, "/oauth/mastodon/callback?code=the-code&state=" + q.get("state"));
    assertThat(back.status()).isEqualTo(302);
    assertThat(back.location()).isEqualTo("/w/" + slug + "/settings/channels");
    LoggedRequest exchange = fake.requests("POST", "/oauth/token").get(0);
    JsonNode token = Fixtures.JSON.readTree(exchange.getBodyAsString());
    assertThat(token.path("grant_type").asString()).isEqualTo("authorization_code");
    assertThat(token.path("code").asString()).isEqualTo("the-code");
    assertThat(token.path("client_id").asString()).isEqualTo("cid-1");
    assertThat(token.path("client_secret").asString()).isEqualTo(SECRET);
    assertThat(token.path("redirect_uri").asString()).isEqualTo(redirectUri);
    assertThat(ConnectMastodon.challenge(token.path("code_verifier").asString())).isEqualTo(q.get("code_challenge"));
    assertThat(fake.requests("GET", "/api/v1/accounts/verify_credentials").get(0).getHeader("Authorization"))
        .isEqualTo("Bearer " + kit.token);
    List<Channel> channels = kit.app.bean(ChannelRegistry.class).of(kit.team.workspaceId());
    assertThat(channels).singleElement().satisfies(c -> {
      assertThat(c.handle()).isEqualTo("@socius@127.0.0.1");
      assertThat(c.serviceUrl()).isEqualTo(fake.url());
    });

    // the confirmation works once
    assertThat(page(kit, "/oauth/mastodon/callback?code=the-code&state=" + q.get("state")).status()).isEqualTo(400);
    // the app is registered once per server and redirect address, its secret sealed
    assertThat(form(kit, Map.of("instance", fake.url().replace("http://127.0.0.1", "HTTP://127.0.0.1") + "/@socius")).status())
        .isEqualTo(302);
    assertThat(fake.requests("POST", "/api/v1/apps")).hasSize(1);
    Map<String, Object> row = kit.jdbc().sql("SELECT * FROM mastodon_apps WHERE instance = :i").param("i", fake.url()).query().singleRow();
    assertThat(row.get("client_id")).isEqualTo("cid-1");
    assertThat((String) row.get("client_secret")).startsWith("v1:").doesNotContain(SECRET);
    assertThat(row.get("redirect_uri")).isEqualTo(redirectUri);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void declinedOnTheServerNothingIsConnected(Store store) {
    MastodonKit kit = kit(store);
    registration(kit.fake, "cid-2", kit.app.baseUrl() + "/oauth/mastodon/callback");
    WebSession.Response started = form(kit, Map.of("instance", kit.fake.url()));
    String state = started.location().replaceFirst(".*state=", "");
    WebSession.Response back = page(kit, "/oauth/mastodon/callback?error=access_denied&state=" + state);
    assertThat(back.status()).isEqualTo(302);
    assertThat(back.location()).isEqualTo("/w/" + kit.team.slug() + "/settings/channels");
    assertThat(kit.fake.requests("POST", "/oauth/token")).isEmpty();
    assertThat(kit.app.bean(ChannelRegistry.class).of(kit.team.workspaceId())).isEmpty();
    // another workspace's member cannot use the state
    assertThat(page(kit, "/w/" + kit.team.slug() + "/settings/channels/mastodon/authorize?state=" + state).status()).isEqualTo(400);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void connectsWithAPastedToken(Store store) {
    MastodonKit kit = kit(store);
    WebSession.Response r = form(kit, Map.of("instance", kit.fake.url(), "accessToken", " " + kit.token + " "));
    assertThat(r.status()).isEqualTo(302);
    assertThat(r.location()).isEqualTo("/w/" + kit.team.slug() + "/settings/channels");
    assertThat(kit.app.bean(ChannelRegistry.class).of(kit.team.workspaceId())).singleElement()
        .satisfies(c -> assertThat(c.handle()).isEqualTo("@socius@127.0.0.1"));
    assertThat(kit.fake.requests("GET", "/api/v1/accounts/verify_credentials").get(0).getHeader("Authorization"))
        .isEqualTo("Bearer " + kit.token);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void badAddressesUnreachableServersAndRefusedTokensAreExplainedAndStoreNothing(Store store) {
    MastodonKit kit = kit(store);
    FakeMastodon fake = kit.fake;
    fake.json(get(urlPathEqualTo("/api/v1/accounts/verify_credentials")).withHeader("Authorization", equalTo("Bearer bad-token-123")),
        "GET", "/api/v1/accounts/verify_credentials", 401, Fixtures.error("The access token is invalid"));
    FakeMastodon notMastodon = new FakeMastodon();
    fakes.add(notMastodon);
    notMastodon.unchecked(get(urlPathEqualTo("/api/v1/accounts/verify_credentials")),
        aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>A blog</html>"));
    int closed = Prism.freePort();

    assertRefused(kit, Map.of("instance", "not a server ::"), "Enter the address of a Mastodon server");
    assertRefused(kit, Map.of("instance", "", "accessToken", "x"), "This field is required.");
    assertRefused(kit, Map.of("instance", "https://10.1.2.3"), "it is an internal address");
    assertRefused(kit, Map.of("instance", "http://8.8.8.8"), "must be reached over https");
    assertRefused(kit, Map.of("instance", "http://127.0.0.1:" + closed, "accessToken", "some-token"), "could not be reached");
    assertRefused(kit, Map.of("instance", "http://127.0.0.1:" + closed), "could not be reached");
    assertRefused(kit, Map.of("instance", fake.url(), "accessToken", "bad-token-123"), "did not accept this access token");
    assertRefused(kit, Map.of("instance", notMastodon.url(), "accessToken", "some-token"), "does not answer like a Mastodon server");
    assertThat(responses).noneMatch(r -> r.body().contains("bad-token-123"));

    assertThat(kit.app.bean(ChannelRegistry.class).of(kit.team.workspaceId())).isEmpty();
    assertThat(kit.jdbc().sql("SELECT COUNT(*) FROM mastodon_apps WHERE instance = :i").param("i", "http://127.0.0.1:" + closed)
        .query(Integer.class).single()).isZero();

    // only owners connect accounts
    Teams.Person editor = kit.team.join("editor");
    WebSession.Response r = editor.web().post("/w/" + kit.team.slug() + "/settings", "/w/" + kit.team.slug() + "/settings/channels/mastodon",
        Map.of("instance", fake.url(), "accessToken", kit.token));
    assertThat(r.status()).isEqualTo(403);
    assertThat(fake.requests("GET", "/api/v1/accounts/verify_credentials")).hasSize(1); // only the refused token's check
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void noSecretAppearsInTheDatabaseTheLogsOrAnyAnswer(Store store) throws SQLException {
    MastodonKit kit = kit(store);
    FakeMastodon fake = kit.fake;
    String redirectUri = kit.app.baseUrl() + "/oauth/mastodon/callback";
    registration(fake, "cid-3", redirectUri);
    String oauthToken = "oauth-" + UUID.randomUUID();
    fake.json(post(urlPathEqualTo("/oauth/token")), "POST", "/oauth/token", 200, Fixtures.token(oauthToken, ConnectMastodon.SCOPES));
    List<String> secrets = new ArrayList<>(List.of(kit.token, oauthToken, SECRET));
    try (LogCapture logs = new LogCapture()) {
      assertThat(form(kit, Map.of("instance", fake.url(), "accessToken", kit.token)).status()).isEqualTo(302);
      WebSession.Response started = form(kit, Map.of("instance", fake.url()));
      WebSession.Response onTo = page(kit, started.location());
      String state = query(URI.create(onTo.header("Refresh").replaceFirst("^0; url=", ""))).get("state");
      assertThat(page(kit, "/oauth/mastodon/callback?code=c-1&state=" + state).status()).isEqualTo(302);
      secrets.add(Fixtures.JSON.readTree(fake.requests("POST", "/oauth/token").get(0).getBodyAsString()).path("code_verifier").asString());
      kit.channel = kit.app.bean(ChannelRegistry.class).of(kit.team.workspaceId()).get(0);
      kit.awaitFirstSync();
      // a refused token and a revoked one on a sync write errors and notices: without the token
      form(kit, Map.of("instance", fake.url(), "accessToken", "wrong-" + kit.token));
      fake.json(get(urlPathEqualTo("/api/v1/notifications")), "GET", "/api/v1/notifications", 401, Fixtures.error("revoked"));
      kit.sync();
      assertThat(kit.channel().status()).isEqualTo(Channel.Status.NEEDS_RECONNECT);

      // pages and API answers the workspace has
      for (String path : List.of("/w/" + kit.team.slug() + "/settings/channels", "/w/" + kit.team.slug() + "/settings",
          "/w/" + kit.team.slug() + "/today")) {
        page(kit, path);
      }
      for (String path : List.of("/api/v1/workspaces", "/api/v1/workspaces/" + kit.team.workspaceId() + "/channels",
          "/api/v1/workspaces/" + kit.team.workspaceId() + "/events")) {
        responses.add(kit.team.owner().web().api("GET", path, kit.team.ownerToken(), null));
      }
      for (String secret : secrets) {
        assertThat(logs.lines()).as("log lines").noneMatch(l -> l.contains(secret));
        for (WebSession.Response r : responses) {
          assertThat(r.body() + r.headers().map()).as("answer").doesNotContain(secret);
        }
      }
    }
    Map<String, List<String>> found = scanDatabase(kit.app.bean(DataSource.class), secrets);
    assertThat(found).as("database cells holding a secret in clear").isEmpty();
    assertThat(kit.jdbc().sql("SELECT credentials FROM channels WHERE workspace_id = :ws").param("ws", kit.team.workspaceId())
        .query(String.class).list()).allMatch(c -> c.startsWith("v1:"));
  }

  private void assertRefused(MastodonKit kit, Map<String, String> fields, String message) {
    WebSession.Response r = form(kit, fields);
    assertThat(r.status()).as(fields.toString()).isEqualTo(400);
    assertThat(r.body()).as(fields.toString()).contains(message);
  }

  /** Every table, every row, every column: which cells contain one of the secrets. */
  static Map<String, List<String>> scanDatabase(DataSource dataSource, List<String> secrets) throws SQLException {
    Map<String, List<String>> found = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          String schema = rs.getString("TABLE_SCHEM");
          if (schema == null || schema.equals("public")) {
            tables.add(rs.getString("TABLE_NAME"));
          }
        }
      }
      assertThat(tables).contains("channels", "mastodon_apps");
      for (String table : tables) {
        try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
              Object value = rs.getObject(i);
              String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1) : String.valueOf(value);
              for (String secret : secrets) {
                if (text.contains(secret)) {
                  found.computeIfAbsent(table + "." + rs.getMetaData().getColumnName(i), k -> new ArrayList<>()).add(secret);
                }
              }
            }
          }
        }
      }
    }
    return found;
  }

  static Map<String, String> query(URI uri) {
    Map<String, String> q = new LinkedHashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return q;
  }
}
