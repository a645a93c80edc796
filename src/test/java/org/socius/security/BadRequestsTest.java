package org.socius.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.socius.testing.Teams;

/**
 * Bad requests are answered with 4xx, never with a 500: on the API as problem+json naming the
 * field, on pages as the form again or an error page.
 */
class BadRequestsTest {

  private static final String UNKNOWN = "00000000-0000-7000-8000-000000000000";

  /** One bad request and its answer; field is the first field named in errors, or null. */
  record Bad(String method, String path, String body, int status, String field) {}

  private static final List<Bad> BAD = List.of(
      new Bad("PATCH", "", "{\"timeZone\":\"Mars/Base\"}", 400, "timeZone"),
      new Bad("PATCH", "", "{\"locale\":\"--\"}", 400, "locale"),
      new Bad("PATCH", "", "{\"kind\":\"spaceship\"}", 400, "kind"),
      new Bad("PATCH", "", "{\"slug\":\"Not A Slug!\"}", 400, "slug"),
      new Bad("PATCH", "", "{\"name\":\"   \"}", 400, "name"),
      new Bad("PATCH", "", "{\"name\":\"" + "x".repeat(201) + "\"}", 400, "name"),
      new Bad("PATCH", "", "{\"name\":\"bell\\u0007\"}", 400, "name"),
      new Bad("PATCH", "", "{\"name\":", 400, null),
      new Bad("PATCH", "", "not json at all", 400, null),
      new Bad("PATCH", "", "[1, 2]", 400, null),
      new Bad("PATCH", "", "{\"publicPage\":\"maybe\"}", 400, null),
      new Bad("PATCH", "", "null", 400, null),
      new Bad("PATCH", "", "", 400, null),
      new Bad("PUT", "/profile", "{\"displayName\":\"\"}", 400, "displayName"),
      new Bad("PUT", "/profile", "{\"displayName\":\"A\",\"signature\":\"two\\nlines\"}", 400, "signature"),
      new Bad("PUT", "/profile", "{\"displayName\":\"A\",\"bio\":\"" + "b".repeat(1001) + "\"}", 400, "bio"),
      new Bad("POST", "/invitations", "{}", 400, "role"),
      new Bad("POST", "/invitations", "{\"role\":\"admin\"}", 400, "role"),
      new Bad("POST", "/invitations", "{\"role\":\"viewer\",\"note\":\"" + "n".repeat(201) + "\"}", 400, "note"),
      new Bad("POST", "/tokens", "{}", 400, "name"),
      new Bad("POST", "/tokens", "{\"name\":\"x\",\"role\":\"root\"}", 400, "role"),
      new Bad("GET", "/members?limit=0", null, 400, "limit"),
      new Bad("GET", "/members?limit=abc", null, 400, null),
      new Bad("GET", "/members?cursor=%25%25%25", null, 400, "cursor"),
      new Bad("GET", "/members/" + UNKNOWN, null, 404, null),
      new Bad("PATCH", "/members/" + UNKNOWN, "{\"role\":\"viewer\"}", 404, null),
      new Bad("DELETE", "/members/" + UNKNOWN, null, 404, null),
      new Bad("DELETE", "/invitations/" + UNKNOWN, null, 404, null),
      new Bad("DELETE", "/tokens/" + UNKNOWN, null, 404, null),
      new Bad("GET", "/nothing-here", null, 404, null),
      new Bad("DELETE", "", null, 405, null));

  @ParameterizedTest
  @EnumSource(Store.class)
  void badRequestsGetProblemJsonNamingTheField(Store store) {
    var team = Teams.create(SociusApp.shared(store));
    String before = Kit.ownerApi(team, "GET", "", null).body() + Kit.ownerApi(team, "GET", "/profile", null).body();
    for (Bad bad : BAD) {
      var r = team.owner().web().api(bad.method(), "/api/v1/workspaces/" + team.workspaceId() + bad.path(), team.ownerToken(), bad.body());
      String what = bad.method() + " " + bad.path() + " " + bad.body();
      assertThat(r.status()).as(what + " → " + r.body()).isEqualTo(bad.status());
      assertThat(r.header("Content-Type")).as(what).startsWith("application/problem+json");
      if (bad.field() != null) {
        assertThat(Kit.json(r).path("errors").path(0).path("field").asString()).as(what).isEqualTo(bad.field());
      }
    }
    var wrongType = team.owner().web().send(HttpRequest.newBuilder(URI.create(team.owner().web().baseUrl() + "/api/v1/workspaces/"
        + team.workspaceId())).header("Authorization", "Bearer " + team.ownerToken()).header("Content-Type", "text/plain")
        .method("PATCH", HttpRequest.BodyPublishers.ofString("name=x")));
    Kit.assertProblem(wrongType, 415);
    assertThat(Kit.ownerApi(team, "GET", "", null).body() + Kit.ownerApi(team, "GET", "/profile", null).body()).isEqualTo(before);
    Kit.assertProblem(Kit.ownerApi(team, "PATCH", "/members/" + UNKNOWN, Map.of("role", "owner")), 404);
  }

  /** Bad form posts (with the CSRF token) and their answers. */
  private static final List<List<String>> BAD_FORMS = List.of(
      List.of("/settings/invitations", "", "400"),
      List.of("/settings/invitations", "role=god", "400"),
      List.of("/settings/members/" + UNKNOWN + "/role", "", "400"),
      List.of("/settings/members/" + UNKNOWN + "/role", "role=owner", "404"),
      List.of("/settings/members/" + UNKNOWN + "/remove", "", "404"),
      List.of("/settings/invitations/" + UNKNOWN + "/revoke", "", "404"),
      List.of("/settings/tokens/" + UNKNOWN + "/revoke", "", "404"),
      List.of("/settings/tokens", "name=x&role=root", "400"),
      List.of("/settings/workspace", "timeZone=Mars/Base", "400"),
      List.of("/settings/workspace", "publicPage=maybe", "400"),
      List.of("/settings/profile", "displayName=", "400"),
      List.of("/settings/profile/avatar", "", "400"),
      List.of("/account", "name=A&theme=neon", "400"),
      List.of("/account/password", "currentPassword=wrong-password", "400"),
      List.of("/workspaces/new", "name=A&kind=brand&timeZone=UTC&locale=--", "400"),
      List.of("/invite/" + UNKNOWN, "", "404"),
      List.of("/setup", "name=A&email=a@socius.test&password=a-long-password&workspaceName=A&kind=brand&timeZone=UTC&locale=en",
          "302 /signin"));

  @ParameterizedTest
  @EnumSource(Store.class)
  void badFormsAreAnsweredWith4xx(Store store) {
    var team = Teams.create(SociusApp.shared(store));
    var web = team.owner().web();
    for (List<String> bad : BAD_FORMS) {
      String action = bad.get(0).startsWith("/settings") ? "/w/" + team.slug() + bad.get(0) : bad.get(0);
      Map<String, String> form = new java.util.LinkedHashMap<>();
      for (String pair : bad.get(1).split("&")) {
        if (!pair.isEmpty()) {
          form.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
      }
      var r = web.post("/account", action, form);
      assertThat(r.status() + (bad.get(2).contains(" ") ? " " + r.location() : "")).as(action + " " + bad.get(1)).isEqualTo(bad.get(2));
    }
    byte[] big = new byte[3 * 1024 * 1024];
    System.arraycopy(Kit.PNG, 0, big, 0, Kit.PNG.length);
    String avatar = "/w/" + team.slug() + "/settings/profile/avatar";
    assertThat(Kit.uploadAvatar(web, avatar, web.csrf("/account"), java.util.Arrays.copyOf(big, 600 * 1024)).status()).isEqualTo(400);
    assertThat(Kit.uploadAvatar(web, avatar, web.csrf("/account"), "<svg onload=alert(1)>".getBytes()).status()).isEqualTo(400);
    assertThat(Kit.uploadAvatar(web, avatar, web.csrf("/account"), big).status()).isBetween(400, 499);
  }
}
