package org.socius.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.socius.testing.Teams;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Share from anywhere: a page handed over by the bookmarklet or the share sheet becomes a draft
 * labelled a share, with the title the page gives (read through the guarded fetcher from a local
 * server), the selection as a quote, the clean link and credit to the author; a page that cannot
 * be read still gets its draft; bad addresses are refused and store nothing.
 */
class ShareFromAnywhereTest {

  static final FeedServer SERVER = new FeedServer();

  @AfterAll
  static void stop() {
    SERVER.close();
  }

  static JsonNode api(Teams.Team team, String body, int status) {
    return FeedsTest.api(team, "POST", "/feeds/share", body, status);
  }

  static String json(String url, String title, String text) {
    return "{\"url\":" + quoted(url) + ",\"title\":" + quoted(title) + ",\"text\":" + quoted(text) + "}";
  }

  static String quoted(String s) {
    return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static List<String> post(SociusApp app, String id) {
    return app.bean(JdbcClient.class).sql("SELECT kind, source_url, stage FROM posts WHERE id = :id").param("id", id)
        .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).single();
  }

  static long posts(SociusApp app, Teams.Team team) {
    return FeedsTest.count(app, "SELECT COUNT(*) FROM posts WHERE workspace_id = :ws", Map.of("ws", team.workspaceId()));
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aPageBecomesACreditedShareDraftWithItsTitleAndTheQuote(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    String name = Teams.unique("anywhere");
    SERVER.put("/" + name + "/post", "text/html; charset=utf-8", """
        <!doctype html><html><head><title>Title tag</title>
        <meta property="og:title" content="Gardens &amp; cities">
        <meta property="og:site_name" content="Ann's notes">
        <link rel="me" href="https://social.example/@ann">
        </head><body><p>Text</p></body></html>""");
    String url = SERVER.url("/" + name + "/post");
    JsonNode shared = api(team, json(url + "?utm_source=x&id=7&fbclid=abc", "Browser title", "Cities are gardens."), 201);
    assertThat(shared.path("fetched").asBoolean()).isTrue();
    assertThat(shared.path("link").asString()).isEqualTo(url + "?id=7");
    assertThat(shared.path("text").asString())
        .isEqualTo("Gardens & cities\n\n“Cities are gardens.”\n\n" + url + "?id=7\n\nvia @ann@social.example");
    assertThat(post(app, shared.path("draftId").asString())).containsExactly("share", url + "?id=7", "draft");

    SERVER.put("/" + name + "/creator", "text/html", """
        <html><head><meta name="twitter:title" content="Card title"><meta name="fediverse:creator" content="@bo@masto.example">
        <link rel="me" href="https://bsky.app/profile/bo.example"></head></html>""");
    shared = api(team, json(SERVER.url("/" + name + "/creator"), null, null), 201);
    assertThat(shared.path("text").asString()).startsWith("Card title\n\n").endsWith("via @bo@masto.example");

    SERVER.put("/" + name + "/plain", "text/html", "<html><head><title>Plain page</title></head></html>");
    shared = api(team, json(SERVER.url("/" + name + "/plain"), null, ""), 201);
    assertThat(shared.path("text").asString()).isEqualTo("Plain page\n\n" + SERVER.url("/" + name + "/plain") + "\n\nvia 127.0.0.1");

    SERVER.put("/" + name + "/site", "text/html", "<html><head><meta property=\"og:site_name\" content=\"The Site\"></head></html>");
    shared = api(team, json(SERVER.url("/" + name + "/site"), "Given title", null), 201);
    assertThat(shared.path("text").asString()).isEqualTo("Given title\n\n" + SERVER.url("/" + name + "/site") + "\n\nvia The Site");

    shared = api(team, json(SERVER.url("/" + name + "/missing?utm_medium=m"), "Given title", "A quote"), 201);
    assertThat(shared.path("fetched").asBoolean()).as("a 404 page still gets its draft").isFalse();
    assertThat(shared.path("text").asString())
        .isEqualTo("Given title\n\n“A quote”\n\n" + SERVER.url("/" + name + "/missing") + "\n\nvia 127.0.0.1");

    shared = api(team, json("", "From a phone", "Look at this " + url + "?utm_campaign=c"), 201);
    assertThat(shared.path("link").asString()).as("a share sheet may put the address in the text").isEqualTo(url);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void badAddressesGetAClearProblemAndStoreNothing(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    assertThat(api(team, json(null, "t", null), 400).path("detail").asString()).contains("http:// or https://");
    assertThat(api(team, json("", "", ""), 400).path("detail").asString()).contains("http:// or https://");
    assertThat(api(team, json("javascript:alert(1)", "t", "x"), 400).path("detail").asString()).contains("http:// or https://");
    assertThat(api(team, json("ftp://example.org/x", "t", null), 400).path("detail").asString()).contains("http:// or https://");
    assertThat(api(team, json("http://10.9.8.7/page", "t", null), 400).path("detail").asString()).contains("internal address");
    assertThat(api(team, json("http://169.254.169.254/latest/meta-data/", null, null), 400).path("detail").asString())
        .contains("Socius does not fetch that address");
    assertThat(posts(app, team)).isZero();
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void theSharePageShowsTheBookmarkletAndMakesTheDraftByPost(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    var web = team.owner().web();
    String name = Teams.unique("sharepage");
    SERVER.put("/" + name + "/a", "text/html", "<html><head><title>A &lt;b&gt;page</title></head></html>");
    String url = SERVER.url("/" + name + "/a");

    var bare = web.get("/w/" + team.slug() + "/share");
    assertThat(bare.status()).isEqualTo(200);
    assertThat(bare.body()).contains("id=\"bookmarklet\"").contains("javascript:(function(){")
        .contains("/w/" + team.slug() + "/share?url=").doesNotContain("make-share-draft");

    String q = "?url=" + enc(url) + "&title=" + enc("<script>alert(1)</script>") + "&text=" + enc("A <i>quote</i>");
    var page = web.get("/w/" + team.slug() + "/share" + q);
    assertThat(page.body()).contains("make-share-draft").contains("&lt;script&gt;").doesNotContain("<script>alert")
        .doesNotContain("<i>quote");
    assertThat(posts(app, team)).as("showing the page writes nothing").isZero();

    var target = web.get("/share" + q);
    assertThat(target.status()).as("the share target goes to the workspace last used").isEqualTo(302);
    assertThat(target.location()).startsWith("/w/" + team.slug() + "/share?url=" + enc(url));

    var made = web.post("/w/" + team.slug() + "/share" + q, "/w/" + team.slug() + "/share",
        Map.of("url", url, "title", "<script>alert(1)</script>", "text", "A <i>quote</i>"));
    assertThat(made.status()).isEqualTo(302);
    assertThat(made.location()).matches("/w/" + team.slug() + "/publish/posts/[^/]+/edit");
    var composer = web.get(made.location());
    assertThat(composer.body()).contains("A &lt;b&gt;page").contains("“A &lt;i&gt;quote&lt;/i&gt;”").contains(url)
        .doesNotContain("<i>quote");
    assertThat(posts(app, team)).isEqualTo(1);

    var refused = web.post("/w/" + team.slug() + "/share", "/w/" + team.slug() + "/share", Map.of("url", "javascript:alert(1)"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(posts(app, team)).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aMemberOfSeveralWorkspacesChoosesWhereToShareAndTheChoiceIsRemembered(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    var web = team.owner().web();
    String secondName = Teams.unique("Second");
    var created = web.post("/workspaces/new", "/workspaces/new",
        Map.of("name", secondName, "kind", "person", "timeZone", "Europe/Berlin", "locale", "en"));
    String second = created.location().replaceAll("^/w/([^/]+)/.*$", "$1");
    String q = "?url=" + enc("https://example.org/a") + "&title=" + enc("A page") + "&text=" + enc("Words");

    var page = web.get("/w/" + team.slug() + "/share" + q);
    assertThat(page.body()).contains("id=\"share-workspace\"").contains("<option value=\"" + team.slug() + "\" selected>")
        .contains("<option value=\"" + second + "\">" + secondName + "</option>");

    var chosen = web.get("/share" + q + "&workspace=" + second);
    assertThat(chosen.location()).startsWith("/w/" + second + "/share?url=" + enc("https://example.org/a") + "&title=" + enc("A page")
        + "&text=" + enc("Words"));
    assertThat(web.get(chosen.location()).body()).contains("<option value=\"" + second + "\" selected>");
    assertThat(web.get("/share" + q).location()).as("the last choice is remembered").startsWith("/w/" + second + "/share?");

    var stranger = Teams.create(app);
    assertThat(web.get("/share" + q + "&workspace=" + stranger.slug()).location()).as("only the member's own workspaces")
        .startsWith("/w/" + second + "/share?");

    var fresh = app.session();
    fresh.signIn(team.owner().email(), Teams.PASSWORD);
    assertThat(fresh.get("/share" + q).location()).as("nothing remembered: the first workspace").startsWith("/w/" + team.slug() + "/share?");
    assertThat(stranger.owner().web().get("/w/" + stranger.slug() + "/share" + q).body()).as("one workspace: no menu")
        .doesNotContain("share-workspace");
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
