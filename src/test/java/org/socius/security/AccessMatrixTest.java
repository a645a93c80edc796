package org.socius.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.platform.web.Ui;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.socius.testing.Teams;
import org.socius.testing.WebSession;
import org.socius.testing.WebSession.Response;

/**
 * Who may do what: every page (GET and form POST) and every API endpoint of a workspace, asked
 * by five callers. Each cell is the exact answer ("302 /signin": a redirect there). A refused
 * request leaves the row's probe (an API read with the owner's token) as it was; an allowed one
 * changes it. The owner of another workspace gets exactly what a workspace that does not exist
 * gets, so that existence is not revealed.
 */
class AccessMatrixTest {

  enum Caller { ANONYMOUS, VIEWER, EDITOR, OWNER, OTHER_OWNER }

  /** Refusals first and the owner last, so that an allowed change cannot hide a refused one. */
  private static final List<Caller> ORDER = List.of(Caller.ANONYMOUS, Caller.OTHER_OWNER, Caller.VIEWER, Caller.EDITOR, Caller.OWNER);

  private static final String IN = "302 /signin"; // "in" in the table: off to sign in
  private static final String OUT = "302>/signin?signedout";
  private static final String WS = "/api/v1/workspaces/{ws}";
  private static final String S = "/w/{slug}/settings";

  /** A request, the answer of each caller in {@link Caller} order, the body (form, avatar or JSON) and the probe (or null). */
  record Row(String method, String path, List<String> expected, Object body, String probe) {}

  private static Row row(String request, String expected, Object body, String probe) {
    // each answer is a status, or "302>/where" for a redirect, or "in"
    List<String> answers = Arrays.stream(expected.split(" ")).map(a -> a.equals("in") ? IN : a.replace('>', ' ')).toList();
    return new Row(request.split(" ")[0], request.split(" ")[1], answers, body, probe);
  }

  private static Row row(String request, String expected) {
    return row(request, expected, null, null);
  }

  private static final List<Row> ROWS = new ArrayList<>(List.of(
      //  request                                      anonymous viewer editor owner other-owner  body, probe
      row("GET /",                                       "in 302 302 302 302"),
      row("GET /workspaces/new",                         "in 200 200 200 200"),
      row("GET /account",                                "in 200 200 200 200"),
      row("GET /signin",                                 "200 302>/ 302>/ 302>/ 302>/"),
      row("GET " + S + "/workspace",                     "in 403 403 200 404"),
      row("GET " + S + "/members",                       "in 403 403 200 404"),
      row("GET " + S + "/profile",                       "in 200 200 200 404"),
      row("GET " + S + "/tokens",                        "in 200 200 200 404"),
      row("GET /p/{slug}",                               "404 404 404 404 404"),
      row("GET /p/{slug}.json",                          "404 404 404 404 404"),
      row("GET /avatars/{ownerMember}",                  "404 200 200 200 404"),
      row("POST /workspaces/new",                        "in 302 302 302 302",
          Map.of("name", "Matrix", "kind", "brand", "timeZone", "UTC", "locale", "en"), null),
      row("POST " + S + "/workspace",                    "in 403 403 302 404", Map.of("name", "Renamed on its page"), WS),
      row("POST " + S + "/profile",                      "in 302 302 302 404", Map.of("displayName", "Changed on the page"), null),
      row("POST " + S + "/profile/avatar",               "in 302 302 302 404", Kit.PNG, null),
      row("POST " + S + "/profile/avatar/remove",        "in 302 302 302 404", Map.of(), null),
      row("POST " + S + "/members/{pageRole}/role",      "in 403 403 302 404", Map.of("role", "editor"), WS + "/members/{pageRole}"),
      row("POST " + S + "/members/{pageRemove}/remove",  "in 403 403 302 404", Map.of(), WS + "/members/{pageRemove}"),
      row("POST " + S + "/invitations",                  "in 403 403 200 404", Map.of("role", "viewer"), WS + "/invitations"),
      row("POST " + S + "/invitations/{pageInvitation}/revoke", "in 403 403 302 404", Map.of(), WS + "/invitations"),
      row("POST " + S + "/tokens",                       "in 200 200 200 404", Map.of("name", "matrix", "role", "viewer"), null),
      row("POST " + S + "/tokens/{pageToken}/revoke",    "in 404 404 302 404", Map.of(), WS + "/tokens"),
      row("POST /account",                               "in 302 302 302 302", Map.of("name", "Renamed person", "theme", "dark"), null),
      row("POST /account/password",                      "in 302 302 302 302",
          Map.of("currentPassword", "{password}", "newPassword", "{password}"), null),
      row("POST /signin",                                "302>/signin?error 302>/ 302>/ 302>/ 302>/",
          Map.of("email", "{email}", "password", "{password}"), null),
      row("GET /api/v1/openapi.json",                    "200 200 200 200 200"),
      row("GET /api/v1/workspaces",                      "401 200 200 200 200"),
      row("GET " + WS,                                   "401 200 200 200 404"),
      row("PATCH " + WS,                                 "401 403 403 200 404", "{\"name\":\"Renamed through the API\"}", WS),
      row("GET " + WS + "/members",                      "401 200 200 200 404"),
      row("GET " + WS + "/members/{editorMember}",       "401 200 200 200 404"),
      row("PATCH " + WS + "/members/{apiRole}",          "401 403 403 200 404", "{\"role\":\"editor\"}", WS + "/members/{apiRole}"),
      row("DELETE " + WS + "/members/{apiRemove}",       "401 403 403 204 404", null, WS + "/members/{apiRemove}"),
      row("GET " + WS + "/profile",                      "401 200 200 200 404"),
      row("PUT " + WS + "/profile",                      "401 200 200 200 404", "{\"displayName\":\"Changed through the API\"}", null),
      row("GET " + WS + "/invitations",                  "401 403 403 200 404"),
      row("POST " + WS + "/invitations",                 "401 403 403 201 404", "{\"role\":\"viewer\"}", WS + "/invitations"),
      row("DELETE " + WS + "/invitations/{apiInvitation}", "401 403 403 204 404", null, WS + "/invitations"),
      row("GET " + WS + "/tokens",                       "401 200 200 200 404"),
      row("POST " + WS + "/tokens",                      "401 201 201 201 404", "{\"name\":\"matrix\"}", null),
      row("DELETE " + WS + "/tokens/{apiToken}",         "401 404 404 204 404", null, WS + "/tokens"),
      row("POST /signout",                               (OUT + " ").repeat(5).strip(), Map.of(), null)));

  static {
    // every section of the shell, so that a new one is covered the day it appears
    ROWS.addAll(4, Ui.SECTIONS.stream().map(s -> row("GET /w/{slug}/" + s, "in 200 200 200 404")).toList());
  }

  /** The callers, and the values of the placeholders in the table. */
  record World(Map<Caller, WebSession> web, Map<Caller, String> token, Map<Caller, String> email, Map<String, String> values) {

    static World create(SociusApp app) {
      Teams.Team a = Teams.create(app);
      Teams.Team b = Teams.create(app);
      Kit.Joined viewer = Kit.join(a, "viewer");
      Kit.Joined editor = Kit.join(a, "editor");
      Map<String, String> v = new HashMap<>(Map.of("slug", a.slug(), "ws", a.workspaceId(), "editorMember", editor.memberId(),
          "password", Teams.PASSWORD, "ownerMember", Kit.json(Kit.ownerApi(a, "GET", "/profile", null)).path("id").asString()));
      for (String target : List.of("pageRole", "pageRemove", "apiRole", "apiRemove")) {
        v.put(target, Kit.join(a, "viewer").memberId());
      }
      for (String target : List.of("pageInvitation", "apiInvitation")) {
        v.put(target, Kit.json(Kit.ownerApi(a, "POST", "/invitations", Map.of("role", "viewer"))).path("id").asString());
      }
      for (String target : List.of("pageToken", "apiToken")) {
        v.put(target, Kit.json(Kit.ownerApi(a, "POST", "/tokens", Map.of("name", target))).path("token").path("id").asString());
      }
      WebSession owner = a.owner().web();
      assertThat(Kit.uploadAvatar(owner, "/w/" + a.slug() + "/settings/profile/avatar", owner.csrf("/account"), Kit.PNG).status())
          .isEqualTo(302);
      Map<Caller, WebSession> web = new EnumMap<>(Map.of(Caller.ANONYMOUS, app.session(), Caller.VIEWER, viewer.person().web(),
          Caller.EDITOR, editor.person().web(), Caller.OWNER, owner, Caller.OTHER_OWNER, b.owner().web()));
      Map<Caller, String> token = new EnumMap<>(Map.of(Caller.VIEWER, a.token(viewer.person(), "viewer"),
          Caller.EDITOR, a.token(editor.person(), "editor"), Caller.OWNER, a.ownerToken(), Caller.OTHER_OWNER, b.ownerToken()));
      Map<Caller, String> email = new EnumMap<>(Map.of(Caller.ANONYMOUS, Teams.unique("nobody") + "@socius.test",
          Caller.VIEWER, viewer.person().email(), Caller.EDITOR, editor.person().email(), Caller.OWNER, a.owner().email(),
          Caller.OTHER_OWNER, b.owner().email()));
      return new World(web, token, email, v);
    }

    /** The same placeholders naming things that do not exist. */
    Map<String, String> nowhere() {
      Map<String, String> fake = new HashMap<>(values);
      fake.replaceAll((k, val) -> k.equals("password") ? val : "00000000-0000-7000-8000-000000000000");
      fake.put("slug", "no-such-workspace");
      return fake;
    }

    String fill(String text, Caller caller, Map<String, String> with) {
      String out = text.replace("{email}", email.get(caller));
      for (var e : with.entrySet()) {
        out = out.replace("{" + e.getKey() + "}", e.getValue());
      }
      return out;
    }

    Response call(Row row, Caller caller, Map<String, String> with) {
      WebSession session = web.get(caller);
      String path = fill(row.path(), caller, with);
      if (path.startsWith("/api/")) {
        return session.api(row.method(), path, token.get(caller), row.body() == null ? null : fill((String) row.body(), caller, with));
      }
      if (row.method().equals("GET")) {
        return session.get(path);
      }
      String csrf = session.csrf(caller == Caller.ANONYMOUS ? "/signin" : "/account");
      if (row.body() instanceof byte[] image) {
        return Kit.uploadAvatar(session, path, csrf, image);
      }
      Map<String, String> form = new LinkedHashMap<>();
      @SuppressWarnings("unchecked")
      Map<String, String> fields = (Map<String, String>) row.body();
      fields.forEach((k, val) -> form.put(k, fill(val, caller, with)));
      form.put("_csrf", csrf);
      return session.postRaw(path, form);
    }

    /** The owner's API view of what the row may change (last use of tokens left out: it moves by itself). */
    String probe(Row row) {
      if (row.probe() == null) {
        return null;
      }
      Response r = web.get(Caller.OWNER).api("GET", fill(row.probe(), Caller.OWNER, values), token.get(Caller.OWNER), null);
      return r.status() + " " + r.body().replaceAll("\"lastUsedAt\":(null|\"[^\"]*\")", "");
    }

    /** A body without the ids and names it was asked about, to compare answers about different things. */
    String neutral(String body, Map<String, String> with) {
      String out = body;
      for (var e : with.entrySet()) {
        out = e.getKey().equals("password") ? out : out.replace(e.getValue(), "{}");
      }
      return out;
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void everyCallerGetsExactlyWhatTheTableSays(Store store) {
    World w = World.create(SociusApp.shared(store));
    List<String> wrong = new ArrayList<>();
    int cells = 0;
    for (Row row : ROWS) {
      for (Caller caller : ORDER) {
        cells++;
        String cell = row.method() + " " + row.path() + " as " + caller + ": ";
        String expected = row.expected().get(caller.ordinal());
        String before = w.probe(row);
        Response r = w.call(row, caller, w.values());
        String actual = r.status() + (expected.contains(" ") ? " " + r.location() : "");
        if (!actual.equals(expected)) {
          String text = r.body().replaceAll("(?s)<head>.*</head>|<[^>]*>", " ").replaceAll("\\s+", " ");
          wrong.add(cell + "expected " + expected + " but got " + actual + ": " + text.substring(0, Math.min(200, text.length())));
          continue;
        }
        boolean refused = r.status() >= 400 || expected.equals(IN);
        String contentType = String.valueOf(r.header("Content-Type"));
        if (row.path().startsWith("/api/") && r.status() >= 400 && !contentType.startsWith("application/problem+json")) {
          wrong.add(cell + "refused with " + contentType + " instead of problem+json");
        }
        if (before != null && refused != before.equals(w.probe(row))) {
          wrong.add(cell + (refused ? "refused, but changed " : "allowed, but did not change ") + row.probe());
        }
        if (caller == Caller.OTHER_OWNER && r.status() == 404) {
          Response none = w.call(row, caller, w.nowhere());
          if (none.status() != 404 || !w.neutral(r.body(), w.values()).equals(w.neutral(none.body(), w.nowhere()))) {
            wrong.add(cell + "answers unlike a workspace that does not exist: " + r.body() + " / " + none.body());
          }
        }
      }
    }
    assertThat(wrong).as("cells that are not as the table says, of " + cells).isEmpty();
    assertThat(cells).isEqualTo(ROWS.size() * Caller.values().length);
  }
}
