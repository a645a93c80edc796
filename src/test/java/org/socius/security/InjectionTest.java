package org.socius.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.team.Workspaces;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.socius.testing.Teams;
import org.socius.testing.WebSession;
import tools.jackson.databind.JsonNode;

/**
 * SQL and HTML in every text field, through the pages and the API: stored exactly as typed,
 * shown escaped on every page that shows it (the public page too), and the database intact.
 */
class InjectionTest {

  private static final List<String> PAYLOADS = List.of(
      "Robert'); DROP TABLE users;--", "' OR '1'='1", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>");

  /** E-mail addresses that pass the address check and still carry the attacks. */
  private static final List<String> EMAILS = List.of("robert');drop-table-users;--", "x'or'1'='1", "<script>alert(1)</script>",
      "\"><img/src=x/onerror=alert(1)>");

  private static final String ATTACK = "'1'='1";

  /** The page as a browser gets it: no markup of a payload, and each expected value there, escaped. */
  private static void assertShownEscaped(WebSession web, String page, List<String> values) {
    var r = web.get(page);
    assertThat(r.status()).as(page).isEqualTo(200);
    assertEscaped(r.body(), page, values);
  }

  private static void assertEscaped(String html, String page, List<String> values) {
    assertThat(html).as(page).doesNotContain("<script>alert(1)</script>", "<img src=x", "<img/src=x");
    assertThat(html).as(page + ": a quote that ends an attribute").doesNotContainPattern("=\"[^\"<>]*\"(>|&gt;)(<|&lt;)img");
    for (String value : values) {
      // escaped as text (&lt;script&gt;) or as an attribute value (&lt;script>, &#34; and &#39;)
      String text = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
      String attribute = value.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&#34;").replace("'", "&#39;");
      assertThat(html.contains(text) || html.contains(attribute)).as(page + " shows " + value + " escaped").isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void textWithSqlAndHtmlIsStoredExactlyAndShownEscaped(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    var editor = Kit.join(team, "editor");
    String editorToken = team.token(editor.person(), "editor");
    WebSession owner = team.owner().web();
    String s = "/w/" + team.slug() + "/settings";
    String ws = "/api/v1/workspaces/" + team.workspaceId();
    for (String p : PAYLOADS) {
      String v = p + " (api)";
      // through the pages, as the owner
      assertThat(owner.post("/account", "/account", Map.of("name", p, "theme", "system")).status()).isEqualTo(302);
      assertThat(owner.post("/account", s + "/workspace", Map.of("name", p, "publicPage", "true")).status()).isEqualTo(302);
      assertThat(owner.post("/account", s + "/profile", Map.of("displayName", p, "bio", p, "signature", p, "showPublicly", "true"))
          .status()).isEqualTo(302);
      assertThat(owner.post("/account", s + "/invitations", Map.of("role", "viewer", "note", p)).status()).isEqualTo(200);
      assertThat(owner.post("/account", s + "/tokens", Map.of("name", p, "role", "viewer")).status()).isEqualTo(200);
      var created = owner.post("/account", "/workspaces/new", Map.of("name", p, "kind", "person", "timeZone", "UTC", "locale", "en"));
      assertThat(created.status()).isEqualTo(302);
      String newSlug = created.location().replaceAll("^/w/([^/]+)/.*$", "$1");
      assertThat(app.bean(Workspaces.class).all()).anyMatch(w -> w.slug().equals(newSlug) && w.name().equals(p));
      assertThat(Kit.json(Kit.ownerApi(team, "GET", "", null)).path("name").asString()).isEqualTo(p);
      JsonNode profile = Kit.json(Kit.ownerApi(team, "GET", "/profile", null));
      assertThat(List.of(profile.path("displayName").asString(), profile.path("bio").asString(), profile.path("signature").asString()))
          .containsOnly(p);
      assertThat(Kit.json(Kit.ownerApi(team, "GET", "/invitations", null)).path("items").findValuesAsString("note")).contains(p);
      assertThat(Kit.json(Kit.ownerApi(team, "GET", "/tokens", null)).path("items").findValuesAsString("name")).contains(p);

      // through the API, as the editor (their own profile and token) and the owner (workspace, invitation)
      var web = editor.person().web();
      String body = Kit.json(Map.of("displayName", v, "bio", v, "signature", v, "showPublicly", true));
      assertThat(Kit.json(web.api("PUT", ws + "/profile", editorToken, body)).path("bio").asString()).isEqualTo(v);
      profile = Kit.json(web.api("GET", ws + "/profile", editorToken, null));
      assertThat(List.of(profile.path("displayName").asString(), profile.path("bio").asString(), profile.path("signature").asString()))
          .containsOnly(v);
      assertThat(web.api("POST", ws + "/tokens", editorToken, Kit.json(Map.of("name", v))).status()).isEqualTo(201);
      assertThat(Kit.json(web.api("GET", ws + "/tokens", editorToken, null)).path("items").findValuesAsString("name")).contains(v);
      assertThat(Kit.json(Kit.ownerApi(team, "PATCH", "", Map.of("name", v))).path("name").asString()).isEqualTo(v);
      assertThat(Kit.json(Kit.ownerApi(team, "GET", "", null)).path("name").asString()).isEqualTo(v);
      String link = Kit.json(Kit.ownerApi(team, "POST", "/invitations", Map.of("role", "viewer", "note", v))).path("link").asString();
      assertThat(Kit.json(Kit.ownerApi(team, "GET", "/invitations", null)).path("items").findValuesAsString("note")).contains(v);
      String invite = link.replaceFirst("^https?://[^/]+", "");

      // shown escaped wherever it is shown
      WebSession anonymous = app.session();
      assertShownEscaped(owner, "/account", List.of(p));
      assertShownEscaped(owner, "/w/" + team.slug() + "/today", List.of(p, v));
      assertShownEscaped(owner, "/w/" + newSlug + "/today", List.of(p));
      assertShownEscaped(owner, s + "/workspace", List.of(v));
      assertShownEscaped(owner, s + "/profile", List.of(p));
      assertShownEscaped(owner, s + "/members", List.of(p, v));
      assertShownEscaped(owner, s + "/tokens", List.of(p));
      assertShownEscaped(web, s + "/profile", List.of(v));
      assertShownEscaped(web, s + "/tokens", List.of(v));
      assertShownEscaped(anonymous, "/p/" + team.slug(), List.of(p, v));
      assertShownEscaped(anonymous, invite, List.of(v));
      // and when a refused form shows the typed value again, or an error names the workspace
      var refused = owner.post("/account", "/workspaces/new", Map.of("name", p, "kind", "brand", "timeZone", "Mars/Base", "locale", "en"));
      assertThat(refused.status()).isEqualTo(400);
      assertEscaped(refused.body(), "/workspaces/new refused", List.of(p));
      var again = owner.post(invite, invite, Map.of());
      assertThat(again.status()).isEqualTo(409);
      assertEscaped(again.body(), invite + " joined already", List.of(v));

      JsonNode json = Kit.json(anonymous.api("GET", "/p/" + team.slug() + ".json", null, null));
      assertThat(json.path("name").asString()).isEqualTo(v);
      assertThat(json.path("people").findValuesAsString("name")).contains(p, v);
      assertThat(json.path("people").findValuesAsString("bio")).contains(p, v);
    }

    // e-mail addresses and names of people who join by invitation, and sign in with them afterwards
    for (int i = 0; i < EMAILS.size(); i++) {
      String email = EMAILS.get(i) + Teams.unique("") + "@socius.test";
      String link = Kit.json(Kit.ownerApi(team, "POST", "/invitations", Map.of("role", "viewer"))).path("link").asString();
      String invite = link.replaceFirst("^https?://[^/]+", "");
      var joined = app.session().post(invite, invite + "/register",
          Map.of("name", PAYLOADS.get(i), "email", email, "password", Teams.PASSWORD));
      assertThat(joined.status()).as(email).isEqualTo(302);
      WebSession again = app.session();
      assertThat(again.signIn(email, Teams.PASSWORD).location()).as(email).isEqualTo("/");
      assertShownEscaped(again, "/account", List.of(email, PAYLOADS.get(i)));
    }
    assertThat(Kit.memberIds(team)).hasSize(2 + EMAILS.size());

    // lookups by what a caller typed find nothing, and fail as "not found", not as a server error
    String attack = URLEncoder.encode("x' OR " + ATTACK, StandardCharsets.UTF_8).replace("+", "%20");
    for (String page : List.of("/w/" + attack + "/today", "/p/" + attack, "/p/" + attack + ".json", "/avatars/" + attack,
        "/invite/" + attack)) {
      assertThat(owner.get(page).status()).as(page).isEqualTo(404);
    }
    for (String path : List.of("/api/v1/workspaces/" + attack, ws + "/members/" + attack)) {
      Kit.assertProblem(owner.api("GET", path, team.ownerToken(), null), 404);
    }
    for (String path : List.of(ws + "/members/" + attack, ws + "/invitations/" + attack, ws + "/tokens/" + attack)) {
      Kit.assertProblem(owner.api("DELETE", path, team.ownerToken(), null), 404);
    }
    String cursor = Base64.getUrlEncoder().encodeToString(("' OR " + ATTACK).getBytes(StandardCharsets.UTF_8));
    assertThat(Kit.json(owner.api("GET", ws + "/members?cursor=" + cursor, team.ownerToken(), null)).path("items").size())
        .isLessThanOrEqualTo(2 + EMAILS.size());
    assertThat(app.session().signIn("x' OR " + ATTACK + "@socius.test", "' OR " + ATTACK).location()).isEqualTo("/signin?error");

    // the database is intact: everyone still signs in, and nothing was lost
    assertThat(app.session().signIn(team.owner().email(), Teams.PASSWORD).location()).isEqualTo("/");
    assertThat(app.session().signIn("installer@socius.test", "installer-password-1").location()).isEqualTo("/");
    assertThat(Kit.memberIds(team)).hasSize(2 + EMAILS.size());
    assertThat(app.bean(Workspaces.class).find(team.workspaceId())).isPresent();
  }
}
