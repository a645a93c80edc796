package org.socius.networks.internal.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bodies the tests feed the adapter are what a Mastodon server could send: each kind of
 * fixture validates against the response schema of its operation in the API description
 * (networknt json-schema-validator, OpenAPI 3.1 dialect, formats asserted). {@link FakeMastodon}
 * runs the same check on every body it serves, so generated pages are covered too.
 */
class MastodonFixturesTest {

  static final ObjectNode ANN = Fixtures.account("109", "ann@other.example", "Ann", "<p>Baker &amp; <a href=\"https://ann.example\">blogger</a></p>");
  static final ObjectNode ME = Fixtures.credentialAccount("1", "socius", "Socius Café", "<p>We bake.</p>");

  @BeforeAll
  static void spec() {
    MastodonSpec.require();
  }

  @Test
  void accountsAndTheSignedInAccount() {
    assertValid("GET", "/api/v1/accounts/verify_credentials", 200, ME);
    assertValid("GET", "/api/v1/accounts/{id}/followers", 200, Fixtures.array(ANN, Fixtures.account("110", "bob", "", "")));
  }

  @Test
  void notificationsOfEveryKindTheAdapterReads() {
    ObjectNode mine = Fixtures.status("500", Fixtures.account("1", "socius", "Socius", ""), "<p>Fresh bread</p>", "public", null, null, Fixtures.T0);
    ObjectNode reply = Fixtures.status("501", ANN, "<p>@socius yes!</p>", "public", "500", "1", Fixtures.T0);
    ObjectNode dm = Fixtures.status("502", ANN, "<p>@socius psst</p>", "direct", null, null, Fixtures.T0);
    assertValid("GET", "/api/v1/notifications", 200, Fixtures.array(
        Fixtures.notification("1", "follow", ANN, null, Fixtures.T0),
        Fixtures.notification("2", "mention", ANN, reply, Fixtures.T0),
        Fixtures.notification("3", "mention", ANN, dm, Fixtures.T0),
        Fixtures.notification("4", "favourite", ANN, mine, Fixtures.T0),
        Fixtures.notification("5", "reblog", ANN, mine, Fixtures.T0),
        Fixtures.notification("6", "quote", ANN, reply, Fixtures.T0),
        Fixtures.notification("7", "poll", ANN, mine, Fixtures.T0)));
    assertValid("GET", "/api/v1/conversations", 200, Fixtures.array(Fixtures.conversation("40", dm, ANN)));
  }

  @Test
  void instanceMediaStatusesAppsTokensAndErrors() {
    assertValid("GET", "/api/v2/instance", 200, Fixtures.instance("local.example", 500, 23, 4));
    assertValid("POST", "/api/v2/media", 202, Fixtures.media("77", null, "A loaf"));
    assertValid("POST", "/api/v2/media", 200, Fixtures.media("77", "https://files.local.example/media/77.png", "A loaf"));
    assertValid("GET", "/api/v1/media/{id}", 200, Fixtures.media("77", "https://files.local.example/media/77.png", "A loaf"));
    assertValid("POST", "/api/v1/statuses", 200,
        Fixtures.status("600", Fixtures.account("1", "socius", "Socius", ""), "<p>Hello</p>", "public", null, null, Fixtures.T0));
    assertValid("POST", "/api/v1/apps", 200, Fixtures.app("cid", "csecret", "https://socius.example/oauth/mastodon/callback",
        ConnectMastodon.SCOPES));
    assertValid("POST", "/oauth/token", 200, Fixtures.token("tok", ConnectMastodon.SCOPES));
    assertValid("GET", "/api/v1/notifications", 401, Fixtures.error("The access token is invalid"));
    assertValid("GET", "/api/v1/notifications", 429, Fixtures.error("Too many requests"));
  }

  @Test
  void theCheckDoesCatchABrokenBody() {
    ObjectNode broken = Fixtures.notification("9", "mention", ANN, null, Fixtures.T0);
    broken.remove("account");
    broken.put("type", "hug");
    assertThat(MastodonSpec.responseErrors("GET", "/api/v1/notifications", 200, Fixtures.array(broken)))
        .anyMatch(e -> e.contains("account")).anyMatch(e -> e.contains("type") || e.contains("enum"));
  }

  static void assertValid(String method, String path, int status, tools.jackson.databind.JsonNode body) {
    assertThat(MastodonSpec.responseErrors(method, path, status, body)).as(method + " " + path + " " + status).isEmpty();
  }
}
