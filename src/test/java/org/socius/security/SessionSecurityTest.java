package org.socius.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.team.Accounts;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.socius.testing.Teams;
import org.socius.testing.WebSession;

/** Response headers, the session cookie, the sign-in rate limit and signing out on a password change. */
class SessionSecurityTest {

  @ParameterizedTest
  @EnumSource(Store.class)
  void pagesAndTheApiSendProtectiveHeaders(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    Kit.ownerApi(team, "PATCH", "", Map.of("publicPage", true));
    WebSession anonymous = app.session();
    List<WebSession.Response> answers = List.of(anonymous.get("/signin"), anonymous.get("/p/" + team.slug()), anonymous.get("/account"),
        team.owner().web().get("/no/such/page"), team.owner().web().get("/w/" + team.slug() + "/today"), team.owner().web().get("/account"),
        team.owner().web().get("/w/" + team.slug() + "/settings/members"),
        anonymous.api("GET", "/api/v1/workspaces", null, null), anonymous.api("GET", "/api/v1/workspaces", team.ownerToken(), null));
    for (var r : answers) {
      String csp = r.header("Content-Security-Policy");
      assertThat(csp).as("Content-Security-Policy").isNotNull();
      List<String> directives = Arrays.stream(csp.split(";")).map(String::strip).toList();
      String scripts = directives.stream().filter(d -> d.startsWith("script-src ")).findFirst() // else default-src rules scripts
          .orElseGet(() -> directives.stream().filter(d -> d.startsWith("default-src ")).findFirst().orElseThrow());
      assertThat(scripts).as(csp).doesNotContain("'unsafe-inline'", "'unsafe-eval'", "*", "data:");
      assertThat(csp).contains("frame-ancestors 'none'");
      assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
      assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
      if (String.valueOf(r.header("Content-Type")).startsWith("text/html")) {
        assertThat(r.body()).as("no inline script, which the policy would block anyway").doesNotContainPattern("<script(?![^>]*\\ssrc=)");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void theSessionCookieIsHttpOnlyAndSameSite(Store store) {
    SociusApp app = SociusApp.shared(store);
    String email = Teams.unique("cookie") + "@socius.test";
    app.bean(Accounts.class).createUser("Cookie", email, Teams.PASSWORD);
    WebSession web = app.session();
    var first = web.get("/signin");
    var signedIn = web.signIn(email, Teams.PASSWORD);
    for (var r : List.of(first, signedIn)) {
      String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SOCIUS_SESSION=")).findFirst().orElseThrow();
      assertThat(cookie).containsIgnoringCase("HttpOnly").containsPattern("(?i)SameSite=(Lax|Strict)");
    }
    assertThat(signedIn.header("Set-Cookie")).as("a new session id on sign-in").isNotEqualTo(first.header("Set-Cookie"));
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void afterFiveWrongPasswordsEvenTheRightOneIsRefusedForThatAccountOnly(Store store) {
    SociusApp app = SociusApp.shared(store);
    String email = Teams.unique("guessed") + "@socius.test";
    String other = Teams.unique("bystander") + "@socius.test";
    app.bean(Accounts.class).createUser("Guessed", email, Teams.PASSWORD);
    app.bean(Accounts.class).createUser("Bystander", other, Teams.PASSWORD);
    WebSession attacker = app.session();
    for (int i = 1; i <= 5; i++) {
      assertThat(attacker.signIn(email, "wrong-password-" + i).location()).as("attempt " + i).isEqualTo("/signin?error");
    }
    WebSession owner = app.session();
    assertThat(owner.signIn(email, Teams.PASSWORD).location()).startsWith("/signin?locked=");
    assertThat(owner.get("/account").location()).as("not signed in").isEqualTo("/signin");
    assertThat(owner.get("/signin?locked=900").body()).contains("15 minutes");
    assertThat(app.session().signIn(other, Teams.PASSWORD).location()).isEqualTo("/");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void changingThePasswordSignsOutTheOtherSessions(Store store) {
    SociusApp app = SociusApp.shared(store);
    String email = Teams.unique("changer") + "@socius.test";
    app.bean(Accounts.class).createUser("Changer", email, Teams.PASSWORD);
    WebSession here = app.session();
    WebSession there = app.session();
    assertThat(here.signIn(email, Teams.PASSWORD).location()).isEqualTo("/");
    assertThat(there.signIn(email, Teams.PASSWORD).location()).isEqualTo("/");
    String next = "a-new-and-longer-password";
    var changed = here.post("/account", "/account/password", Map.of("currentPassword", Teams.PASSWORD, "newPassword", next));
    assertThat(changed.location()).isEqualTo("/account");
    assertThat(there.get("/account").location()).isEqualTo("/signin");
    assertThat(here.get("/account").status()).as("the session that changed it stays").isEqualTo(200);
    assertThat(app.session().signIn(email, Teams.PASSWORD).location()).isEqualTo("/signin?error");
    assertThat(app.session().signIn(email, next).location()).isEqualTo("/");
  }
}
