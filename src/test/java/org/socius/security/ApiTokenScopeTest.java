package org.socius.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.socius.testing.Teams;

/**
 * A personal API token acts in one workspace with the lesser of its own role and its person's
 * current role, and stops working when revoked or when its person leaves the workspace.
 */
class ApiTokenScopeTest {

  @ParameterizedTest
  @EnumSource(Store.class)
  void aViewerTokenOfAnOwnerCannotDoWhatOnlyOwnersDo(Store store) {
    var team = Teams.create(SociusApp.shared(store));
    var web = team.owner().web();
    String token = team.token(team.owner(), "viewer");
    String ws = "/api/v1/workspaces/" + team.workspaceId();
    String me = Kit.json(Kit.ownerApi(team, "GET", "/profile", null)).path("id").asString();
    String invitation = Kit.json(Kit.ownerApi(team, "POST", "/invitations", Map.of("role", "viewer"))).path("id").asString();
    String before = Kit.ownerApi(team, "GET", "", null).body() + Kit.ownerApi(team, "GET", "/members", null).body()
        + Kit.ownerApi(team, "GET", "/invitations", null).body();
    for (List<String> call : List.of(
        List.of("PATCH", "", "{\"name\":\"Taken over\",\"publicPage\":true}"),
        List.of("GET", "/invitations", ""),
        List.of("POST", "/invitations", "{\"role\":\"owner\"}"),
        List.of("DELETE", "/invitations/" + invitation, ""),
        List.of("PATCH", "/members/" + me, "{\"role\":\"editor\"}"),
        List.of("DELETE", "/members/" + me, ""))) {
      Kit.assertProblem(web.api(call.get(0), ws + call.get(1), token, call.get(2).isEmpty() ? null : call.get(2)), 403);
    }
    assertThat(Kit.ownerApi(team, "GET", "", null).body() + Kit.ownerApi(team, "GET", "/members", null).body()
        + Kit.ownerApi(team, "GET", "/invitations", null).body()).isEqualTo(before);
    assertThat(web.api("GET", ws + "/members", token, null).status()).isEqualTo(200);
    var stronger = web.api("POST", ws + "/tokens", token, "{\"name\":\"stronger\",\"role\":\"owner\"}");
    Kit.assertProblem(stronger, 400);
    assertThat(Kit.json(stronger).path("errors").path(0).path("field").asString()).isEqualTo("role");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void anOwnerTokenOfADemotedOwnerActsAsTheNewRole(Store store) {
    var team = Teams.create(SociusApp.shared(store));
    var co = Kit.join(team, "owner");
    String token = team.token(co.person(), "owner");
    String ws = "/api/v1/workspaces/" + team.workspaceId();
    assertThat(co.person().web().api("GET", ws + "/invitations", token, null).status()).isEqualTo(200);
    assertThat(Kit.ownerApi(team, "PATCH", "/members/" + co.memberId(), Map.of("role", "viewer")).status()).isEqualTo(200);
    Kit.assertProblem(co.person().web().api("GET", ws + "/invitations", token, null), 403);
    Kit.assertProblem(co.person().web().api("PATCH", ws, token, "{\"name\":\"Still mine\"}"), 403);
    Kit.assertProblem(co.person().web().api("PATCH", ws + "/members/" + co.memberId(), token, "{\"role\":\"owner\"}"), 403);
    assertThat(Kit.json(Kit.ownerApi(team, "GET", "/members/" + co.memberId(), null)).path("role").asString()).isEqualTo("viewer");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aTokenWorksOnlyInItsOwnWorkspaceEvenWhenItsPersonBelongsToAnother(Store store) {
    SociusApp app = SociusApp.shared(store);
    var a = Teams.create(app);
    var b = Teams.create(app);
    String link = Kit.json(Kit.ownerApi(b, "POST", "/invitations", Map.of("role", "owner"))).path("link").asString();
    String invite = link.replaceFirst("^https?://[^/]+", "");
    var joined = a.owner().web().post(invite, invite, Map.of());
    assertThat(joined.location()).isEqualTo("/w/" + b.slug() + "/today");
    String ws = "/api/v1/workspaces/" + b.workspaceId();
    String before = Kit.ownerApi(b, "GET", "", null).body() + Kit.ownerApi(b, "GET", "/members", null).body();
    var web = a.owner().web();
    for (List<String> call : List.of(List.of("GET", ""), List.of("PATCH", "{\"name\":\"Crossed over\"}"))) {
      Kit.assertProblem(web.api(call.get(0), ws, a.ownerToken(), call.get(0).equals("GET") ? null : call.get(1)), 404);
    }
    for (String path : List.of("/members", "/profile", "/tokens", "/invitations")) {
      Kit.assertProblem(web.api("GET", ws + path, a.ownerToken(), null), 404);
    }
    for (String path : List.of("/tokens", "/invitations")) {
      Kit.assertProblem(web.api("POST", ws + path, a.ownerToken(), "{\"name\":\"x\",\"role\":\"viewer\"}"), 404);
    }
    assertThat(Kit.ownerApi(b, "GET", "", null).body() + Kit.ownerApi(b, "GET", "/members", null).body()).isEqualTo(before);
    var listed = Kit.json(web.api("GET", "/api/v1/workspaces", a.ownerToken(), null)).path("items");
    assertThat(listed).hasSize(1);
    assertThat(listed.path(0).path("id").asString()).isEqualTo(a.workspaceId());
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void revokedUnknownAndMalformedTokensGet401(Store store) {
    var team = Teams.create(SociusApp.shared(store));
    var web = team.owner().web();
    String ws = "/api/v1/workspaces/" + team.workspaceId();
    var viaApi = Kit.json(Kit.ownerApi(team, "POST", "/tokens", Map.of("name", "soon revoked")));
    String viaPage = team.token(team.owner(), "owner");
    String pageId = Kit.json(web.api("GET", ws + "/tokens", viaPage, null)).path("items").path(0).path("id").asString();
    assertThat(web.api("GET", ws, viaApi.path("secret").asString(), null).status()).isEqualTo(200);
    assertThat(Kit.ownerApi(team, "DELETE", "/tokens/" + viaApi.path("token").path("id").asString(), null).status()).isEqualTo(204);
    assertThat(web.post("/account", "/w/" + team.slug() + "/settings/tokens/" + pageId + "/revoke", Map.of()).status()).isEqualTo(302);
    for (String secret : List.of(viaApi.path("secret").asString(), viaPage, "soc_" + "A".repeat(43), "", "' OR '1'='1")) {
      var r = web.api("GET", ws, secret, null);
      Kit.assertProblem(r, 401);
      assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
    }
    String password = Base64.getEncoder().encodeToString((team.owner().email() + ":" + Teams.PASSWORD).getBytes(StandardCharsets.UTF_8));
    Kit.assertProblem(web.send(HttpRequest.newBuilder(URI.create(web.baseUrl() + ws)).header("Authorization", "Basic " + password)), 401);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aRemovedMembersTokenAndPagesStopWorking(Store store) {
    var team = Teams.create(SociusApp.shared(store));
    var editor = Kit.join(team, "editor");
    String token = team.token(editor.person(), "editor");
    String ws = "/api/v1/workspaces/" + team.workspaceId();
    var web = editor.person().web();
    assertThat(web.api("GET", ws, token, null).status()).isEqualTo(200);
    assertThat(Kit.ownerApi(team, "DELETE", "/members/" + editor.memberId(), null).status()).isEqualTo(204);
    Kit.assertProblem(web.api("GET", ws, token, null), 401);
    Kit.assertProblem(web.api("PUT", ws + "/profile", token, "{\"displayName\":\"Back again\"}"), 401);
    for (String page : List.of("/today", "/settings", "/settings/profile", "/settings/tokens")) {
      assertThat(web.get("/w/" + team.slug() + page).status()).as(page).isEqualTo(404);
    }
  }
}
