package org.socius.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.team.Workspaces;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.socius.testing.Teams;
import org.socius.testing.WebSession;
import org.socius.testing.WebSession.Response;

/**
 * Every state-changing form posted without its CSRF token, or with another session's, is
 * refused with 403 and changes nothing; the API, which needs no CSRF token, ignores session
 * cookies altogether.
 */
class CsrfTest {

  /** A form post by one of the sessions, and what it would change. */
  record Forged(String who, String action, Map<String, String> fields, Supplier<String> probe) {}

  @ParameterizedTest
  @EnumSource(Store.class)
  void formsWithoutTheSessionsTokenAreRefusedAndChangeNothing(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    var other = Teams.create(app);
    var target = Kit.join(team, "viewer");
    WebSession owner = team.owner().web();
    WebSession anonymous = app.session();
    String s = "/w/" + team.slug() + "/settings";
    String me = Kit.json(Kit.ownerApi(team, "GET", "/profile", null)).path("id").asString();
    String invitationId = Kit.json(Kit.ownerApi(team, "POST", "/invitations", Map.of("role", "viewer"))).path("id").asString();
    String invite = Kit.json(Kit.ownerApi(team, "POST", "/invitations", Map.of("role", "owner"))).path("link").asString()
        .replaceFirst("^https?://[^/]+", "");
    String tokenId = Kit.json(Kit.ownerApi(team, "POST", "/tokens", Map.of("name", "keep"))).path("token").path("id").asString();
    assertThat(Kit.uploadAvatar(owner, s + "/profile/avatar", owner.csrf("/account"), Kit.PNG).status()).isEqualTo(302);
    String forged = "Forged " + Teams.unique("x");
    Supplier<String> workspace = () -> Kit.ownerApi(team, "GET", "", null).body();
    Supplier<String> profile = () -> Kit.ownerApi(team, "GET", "/profile", null).body();
    Supplier<String> invitations = () -> Kit.ownerApi(team, "GET", "/invitations", null).body();
    Supplier<String> tokens = () -> Kit.ownerApi(team, "GET", "/tokens", null).body().replaceAll("\"lastUsedAt\":(null|\"[^\"]*\")", "");
    Supplier<String> targetMember = () -> Kit.ownerApi(team, "GET", "/members/" + target.memberId(), null).body();
    Supplier<String> avatar = () -> {
      Response r = owner.get("/avatars/" + me);
      return r.status() + " " + r.header("Content-Type");
    };
    Supplier<String> account = () -> owner.get("/account").body().replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
    Supplier<String> signedIn = () -> owner.get("/account").status() + " " + anonymous.get("/account").status();
    Supplier<String> password = () -> app.session().signIn(team.owner().email(), Teams.PASSWORD).location();
    Map<String, WebSession> sessions = Map.of("owner", owner, "anonymous", anonymous, "other", other.owner().web());
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0};

    List<Forged> forms = List.of(
        new Forged("owner", "/workspaces/new", Map.of("name", forged, "kind", "brand", "timeZone", "UTC", "locale", "en"),
            () -> String.valueOf(app.bean(Workspaces.class).all().stream().anyMatch(w -> w.name().equals(forged)))),
        new Forged("owner", s + "/workspace", Map.of("name", forged, "publicPage", "true"), workspace),
        new Forged("owner", s + "/profile", Map.of("displayName", forged, "bio", forged), profile),
        new Forged("owner", s + "/profile/avatar", null, avatar),
        new Forged("owner", s + "/profile/avatar/remove", Map.of(), avatar),
        new Forged("owner", s + "/members/" + target.memberId() + "/role", Map.of("role", "owner"), targetMember),
        new Forged("owner", s + "/members/" + target.memberId() + "/remove", Map.of(), targetMember),
        new Forged("owner", s + "/invitations", Map.of("role", "owner", "note", forged), invitations),
        new Forged("owner", s + "/invitations/" + invitationId + "/revoke", Map.of(), invitations),
        new Forged("owner", s + "/tokens", Map.of("name", forged, "role", "owner"), tokens),
        new Forged("owner", s + "/tokens/" + tokenId + "/revoke", Map.of(), tokens),
        new Forged("owner", "/account", Map.of("name", forged, "theme", "dark"), account),
        new Forged("owner", "/account/password", Map.of("currentPassword", Teams.PASSWORD, "newPassword", "forged-password-1"), password),
        new Forged("owner", "/signout", Map.of(), signedIn),
        new Forged("anonymous", "/signin", Map.of("email", team.owner().email(), "password", Teams.PASSWORD), signedIn),
        new Forged("anonymous", invite + "/register", Map.of("name", forged, "email", Teams.unique("f") + "@socius.test",
            "password", Teams.PASSWORD), invitations),
        new Forged("other", invite, Map.of(), invitations),
        new Forged("anonymous", "/setup", Map.of("name", forged, "email", Teams.unique("f") + "@socius.test",
            "password", Teams.PASSWORD, "workspaceName", forged, "kind", "brand", "timeZone", "UTC", "locale", "en"), () -> ""));

    String foreignToken = app.session().csrf("/signin");
    for (Forged form : forms) {
      WebSession web = sessions.get(form.who());
      for (String token : new String[] {null, foreignToken}) {
        String before = form.probe().get();
        Map<String, String> fields = new HashMap<>(form.fields() == null ? Map.of() : form.fields());
        if (token != null) {
          fields.put("_csrf", token);
        }
        Response r = form.fields() == null ? Kit.uploadAvatar(web, form.action(), token, jpeg) : web.postRaw(form.action(), fields);
        String what = form.action() + (token == null ? " without a token" : " with another session's token");
        assertThat(r.status()).as(what).isEqualTo(403);
        assertThat(form.probe().get()).as(what + " changed nothing").isEqualTo(before);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void theApiIgnoresSessionCookies(Store store) {
    var team = Teams.create(SociusApp.shared(store));
    var member = Kit.join(team, "viewer");
    WebSession owner = team.owner().web();
    String ws = "/api/v1/workspaces/" + team.workspaceId();
    String before = Kit.ownerApi(team, "GET", "/members", null).body() + Kit.ownerApi(team, "GET", "", null).body();
    assertThat(owner.get("/w/" + team.slug() + "/today").status()).as("signed in on pages").isEqualTo(200);
    Kit.assertProblem(owner.api("GET", ws, null, null), 401);
    Kit.assertProblem(owner.api("PATCH", ws, null, "{\"name\":\"Forged\"}"), 401);
    Kit.assertProblem(owner.api("DELETE", ws + "/members/" + member.memberId(), null, null), 401);
    Kit.assertProblem(owner.api("POST", ws + "/tokens", null, "{\"name\":\"forged\"}"), 401);
    assertThat(Kit.ownerApi(team, "GET", "/members", null).body() + Kit.ownerApi(team, "GET", "", null).body()).isEqualTo(before);
  }
}
