package org.socius.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.feeds.internal.RefreshFeed;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.socius.testing.Teams;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds through the running app on SQLite and PostgreSQL, against a local web server: subscribe
 * by site address, items stored once per feed and updated in place, polite refreshes, a failing
 * feed marked with its error while the others carry on, each member's own read state, share with
 * credit, and bad input refused.
 */
class FeedsTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final FeedServer SERVER = new FeedServer();

  @AfterAll
  static void stop() {
    SERVER.close();
  }

  static JsonNode api(Teams.Team team, String method, String path, String body, int status) {
    var r = team.owner().web().api(method, "/api/v1/workspaces/" + team.workspaceId() + path, team.ownerToken(), body);
    assertThat(r.status()).as(method + " " + path + ": " + r.body()).isEqualTo(status);
    return r.body().isEmpty() ? null : JSON.readTree(r.body());
  }

  static String site(String name) {
    String feedPath = "/" + name + "/feed.xml";
    SERVER.put("/" + name + "/", "text/html; charset=utf-8", """
        <!doctype html><html><head><title>A blog</title>
        <link rel="alternate" type="application/rss+xml" title="RSS" href="feed.xml"></head><body>Hello</body></html>""");
    SERVER.put(feedPath, "application/rss+xml", FeedServer.rss("Blog " + name,
        "a1|First post|https://blog.example/1?utm_source=rss&utm_medium=feed|<p>One <script>alert(1)</script></p>",
        "a2|Second post|https://blog.example/2|<p>Two</p>",
        "a3|Third post|https://blog.example/3|<p onclick=\"x()\">Three</p>"));
    return feedPath;
  }

  static long count(SociusApp app, String sql, Map<String, Object> params) {
    var spec = app.bean(JdbcClient.class).sql(sql);
    for (var e : params.entrySet()) {
      spec = spec.param(e.getKey(), e.getValue());
    }
    return spec.query(Long.class).single();
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void subscribingByASiteFindsItsFeedAndAFeedIsStoredOnceForEveryWorkspace(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    String name = Teams.unique("site");
    String feedPath = site(name);

    JsonNode sub = api(team, "POST", "/feeds", "{\"url\":\"" + SERVER.url("/" + name + "/") + "\",\"categories\":[\"Tech\",\"Friends\"]}", 201);
    assertThat(sub.path("feed").path("title").asString()).isEqualTo("Blog " + name);
    assertThat(sub.path("feed").path("feedUrl").asString()).isEqualTo(SERVER.url(feedPath));
    assertThat(sub.path("feed").path("categories").valueStream().map(JsonNode::asString).toList()).containsExactly("Friends", "Tech");
    assertThat(sub.path("feed").path("unread").asInt()).isEqualTo(3);

    JsonNode items = api(team, "GET", "/feeds/items", null, 200).path("items");
    assertThat(items.valueStream().map(i -> i.path("title").asString()).toList()).containsExactly("Third post", "Second post", "First post");
    JsonNode first = api(team, "GET", "/feeds/items/" + items.get(2).path("id").asString(), null, 200);
    assertThat(first.path("html").asString()).isEqualTo("<p>One </p>");

    var other = Teams.create(app);
    JsonNode again = api(other, "POST", "/feeds", "{\"url\":\"" + SERVER.url(feedPath) + "\"}", 201);
    assertThat(count(app, "SELECT COUNT(*) FROM feeds WHERE url = :url", Map.of("url", SERVER.url(feedPath)))).isEqualTo(1);
    assertThat(count(app, "SELECT COUNT(*) FROM feed_items i JOIN feeds f ON f.id = i.feed_id WHERE f.url = :url",
        Map.of("url", SERVER.url(feedPath)))).isEqualTo(3);
    assertThat(again.path("feed").path("unread").asInt()).isEqualTo(3);
    api(other, "POST", "/feeds", "{\"url\":\"" + SERVER.url(feedPath) + "\"}", 200);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aRefreshUpdatesChangedItemsInPlaceAddsNewOnesAndAsksConditionally(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    String name = Teams.unique("refresh");
    String feedPath = site(name);
    JsonNode sub = api(team, "POST", "/feeds", "{\"url\":\"" + SERVER.url(feedPath) + "\"}", 201);
    String subId = sub.path("id").asString();
    String feedId = feedId(app, feedPath);
    JsonNode items = api(team, "GET", "/feeds/items?feed=" + subId, null, 200).path("items");
    String firstId = items.get(2).path("id").asString();
    api(team, "PUT", "/feeds/items/" + firstId + "/read", null, 204);

    SERVER.put(feedPath, "application/rss+xml", FeedServer.rss("Blog " + name,
        "a1|First post, corrected|https://blog.example/1|<p>One, better</p>",
        "a2|Second post|https://blog.example/2|<p>Two</p>",
        "a3|Third post|https://blog.example/3|<p onclick=\"x()\">Three</p>",
        "a4|Fourth post|https://blog.example/4|<p>Four</p>"));
    Instant next = refresh(app, feedId);
    assertThat(next).isAfter(Instant.now().plusSeconds(14 * 60));

    items = api(team, "GET", "/feeds/items?show=all&feed=" + subId, null, 200).path("items");
    assertThat(items.size()).isEqualTo(4);
    JsonNode corrected = items.valueStream().filter(i -> i.path("id").asString().equals(firstId)).findFirst().orElseThrow();
    assertThat(corrected.path("title").asString()).isEqualTo("First post, corrected");
    assertThat(corrected.path("read").asBoolean()).as("read state kept across the update").isTrue();

    int before = SERVER.notModified();
    refresh(app, feedId);
    assertThat(SERVER.notModified()).as("the ETag went back and the server answered 304").isEqualTo(before + 1);
    assertThat(count(app, "SELECT COUNT(*) FROM feed_items WHERE feed_id = :f", Map.of("f", feedId))).isEqualTo(4);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aFailingFeedShowsItsErrorAndNextTryAndLeavesItsItemsAndOtherFeedsAlone(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    String broken = site(Teams.unique("broken"));
    String healthy = site(Teams.unique("healthy"));
    String brokenSub = api(team, "POST", "/feeds", "{\"url\":\"" + SERVER.url(broken) + "\"}", 201).path("id").asString();
    api(team, "POST", "/feeds", "{\"url\":\"" + SERVER.url(healthy) + "\"}", 201);

    SERVER.put(broken, "application/rss+xml", "<html><head><title>Domain for sale</title></head><body>Buy me</body></html>");
    refresh(app, feedId(app, broken));
    refresh(app, feedId(app, healthy));
    Instant second = refresh(app, feedId(app, broken));

    JsonNode feed = api(team, "GET", "/feeds/" + brokenSub, null, 200);
    assertThat(feed.path("lastError").asString()).isEqualTo("This is an HTML page, not a feed");
    assertThat(feed.path("failures").asInt()).isEqualTo(2);
    assertThat(Instant.parse(feed.path("nextFetchAt").asString())).isAfter(Instant.now().plusSeconds(29 * 60)).isEqualTo(second);
    assertThat(feed.path("unread").asInt()).as("items kept").isEqualTo(3);
    JsonNode feeds = api(team, "GET", "/feeds", null, 200);
    assertThat(feeds.valueStream().filter(f -> f.path("failures").asInt() == 0).count()).isEqualTo(1);

    SERVER.put(broken, 503, "text/plain", "down for maintenance");
    refresh(app, feedId(app, broken));
    assertThat(api(team, "GET", "/feeds/" + brokenSub, null, 200).path("lastError").asString())
        .isEqualTo("The server answered 503 Service Unavailable");

    site(broken.split("/")[1]);
    api(team, "POST", "/feeds/" + brokenSub + "/refresh", null, 202);
    refresh(app, feedId(app, broken));
    feed = api(team, "GET", "/feeds/" + brokenSub, null, 200);
    assertThat(feed.path("failures").asInt()).isZero();
    assertThat(feed.path("lastError").isNull()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void eachMemberHasTheirOwnReadAndStarredState(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    String feedPath = site(Teams.unique("state"));
    api(team, "POST", "/feeds", "{\"url\":\"" + SERVER.url(feedPath) + "\",\"categories\":[\"News\"]}", 201);
    var viewer = team.join("viewer");
    String viewerToken = team.token(viewer, "viewer");
    List<String> ids = api(team, "GET", "/feeds/items", null, 200).path("items").valueStream().map(i -> i.path("id").asString()).toList();

    api(team, "PUT", "/feeds/items/" + ids.get(0) + "/read", null, 204);
    api(team, "PUT", "/feeds/items/" + ids.get(0) + "/read", null, 204); // twice is once
    api(team, "PUT", "/feeds/items/" + ids.get(1) + "/star", null, 204);
    assertThat(api(team, "GET", "/feeds/items", null, 200).path("items").size()).isEqualTo(2);
    assertThat(api(team, "GET", "/feeds", null, 200).get(0).path("unread").asInt()).as("the owner's unread count").isEqualTo(2);
    assertThat(api(team, "GET", "/feeds/items?show=starred", null, 200).path("items").get(0).path("id").asString()).isEqualTo(ids.get(1));

    var viewerItems = viewer.web().api("GET", "/api/v1/workspaces/" + team.workspaceId() + "/feeds/items", viewerToken, null);
    assertThat(JSON.readTree(viewerItems.body()).path("items").size()).as("the viewer's own unread items").isEqualTo(3);
    var viewerRead = viewer.web().api("PUT", "/api/v1/workspaces/" + team.workspaceId() + "/feeds/items/" + ids.get(2) + "/read",
        viewerToken, null);
    assertThat(viewerRead.status()).isEqualTo(204);
    var viewerFeeds = viewer.web().api("GET", "/api/v1/workspaces/" + team.workspaceId() + "/feeds", viewerToken, null);
    assertThat(JSON.readTree(viewerFeeds.body()).get(0).path("unread").asInt()).as("the viewer's own count").isEqualTo(2);
    var viewerSubscribe = viewer.web().api("POST", "/api/v1/workspaces/" + team.workspaceId() + "/feeds", viewerToken,
        "{\"url\":\"" + SERVER.url(feedPath) + "\"}");
    assertThat(viewerSubscribe.status()).isEqualTo(403);

    String category = api(team, "GET", "/feeds/categories", null, 200).get(0).path("id").asString();
    JsonNode marked = api(team, "POST", "/feeds/items/read", "{\"category\":\"" + category + "\"}", 200);
    assertThat(marked.path("items").asInt()).isEqualTo(3);
    assertThat(api(team, "GET", "/feeds/items", null, 200).path("items").size()).isZero();
    assertThat(api(team, "GET", "/feeds", null, 200).get(0).path("unread").asInt()).isZero();
    api(team, "DELETE", "/feeds/items/" + ids.get(0) + "/read", null, 204);
    assertThat(api(team, "GET", "/feeds/items", null, 200).path("items").size()).isEqualTo(1);
    assertThat(api(team, "GET", "/feeds", null, 200).get(0).path("unread").asInt()).isEqualTo(1);
    viewerItems = viewer.web().api("GET", "/api/v1/workspaces/" + team.workspaceId() + "/feeds/items", viewerToken, null);
    assertThat(JSON.readTree(viewerItems.body()).path("items").size()).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void shareMakesADraftWithTheCleanLinkAndCredit(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    String feedPath = site(Teams.unique("share"));
    api(team, "POST", "/feeds", "{\"url\":\"" + SERVER.url(feedPath) + "\"}", 201);
    JsonNode items = api(team, "GET", "/feeds/items", null, 200).path("items");
    String first = items.get(2).path("id").asString();
    JsonNode shared = api(team, "POST", "/feeds/items/" + first + "/share", null, 201);
    assertThat(shared.path("link").asString()).isEqualTo("https://blog.example/1");
    assertThat(shared.path("text").asString()).isEqualTo("First post\n\nhttps://blog.example/1\n\nvia Blog " + feedPath.split("/")[1]);
    var draft = app.bean(JdbcClient.class).sql("SELECT kind, source_url, stage FROM posts WHERE id = :id")
        .param("id", shared.path("draftId").asString()).query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).single();
    assertThat(draft).containsExactly("share", "https://blog.example/1", "draft");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void searchFindsItemsByTitleAuthorAndTextWithFiltersAndSurvivesQuerySyntax(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    var other = Teams.create(app);
    String name = Teams.unique("search");
    String feedPath = "/" + name + "/feed.xml";
    SERVER.put(feedPath, "application/rss+xml", FeedServer.rss("Search " + name,
        "s1|Bell ringing at the parish|https://blog.example/s1|<p>The <b>bellringers</b> met on Tuesday.</p>",
        "s2|Café opening hours|https://blog.example/s2|<p>Open from nine, cakes from the bakery.</p>",
        "s3|Winter concert|https://blog.example/s3|<p>Choir and bell ringing together.</p>"));
    String sub = api(team, "POST", "/feeds", "{\"url\":\"" + SERVER.url(feedPath) + "\"}", 201).path("id").asString();
    api(other, "POST", "/feeds", "{\"url\":\"" + SERVER.url(feedPath) + "\"}", 201);

    assertThat(titles(api(team, "GET", "/feeds/items?q=bell%20ringing", null, 200))).containsExactly("Winter concert", "Bell ringing at the parish");
    assertThat(titles(api(team, "GET", "/feeds/items?q=BAKERY", null, 200))).containsExactly("Café opening hours");
    assertThat(titles(api(team, "GET", "/feeds/items?q=cafe", null, 200))).as("accents folded on SQLite; exact on PostgreSQL")
        .hasSizeLessThanOrEqualTo(1);
    assertThat(titles(api(team, "GET", "/feeds/items?q=bell&feed=" + sub + "&from=2026-11-02T00:00:00Z&to=2026-11-04T00:00:00Z", null, 200)))
        .containsExactly("Winter concert");
    assertThat(titles(api(team, "GET", "/feeds/items?q=%22bell%20OR%20NEAR(%2A%20-%3A", null, 200))).as("query syntax is only words").isEmpty();
    String first = api(team, "GET", "/feeds/items?q=winter", null, 200).path("items").get(0).path("id").asString();
    api(team, "PUT", "/feeds/items/" + first + "/read", null, 204);
    assertThat(titles(api(team, "GET", "/feeds/items?q=bell&show=unread", null, 200))).containsExactly("Bell ringing at the parish");
    assertThat(titles(api(other, "GET", "/feeds/items?q=bell&show=unread", null, 200))).as("the other workspace's own state").hasSize(2);
    api(team, "GET", "/feeds/items?q=bell&from=last-week", null, 400);
  }

  static List<String> titles(JsonNode page) {
    return page.path("items").valueStream().map(i -> i.path("title").asString()).toList();
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void badInputGetsAClearProblemAndChangesNothing(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    var other = Teams.create(app);
    String feedPath = site(Teams.unique("bad"));
    api(other, "POST", "/feeds", "{\"url\":\"" + SERVER.url(feedPath) + "\"}", 201);
    String othersItem = api(other, "GET", "/feeds/items", null, 200).path("items").get(0).path("id").asString();

    JsonNode p = api(team, "POST", "/feeds", "{\"url\":\"ftp://example.org/feed\"}", 400);
    assertThat(p.path("detail").asString()).contains("http:// or https://");
    p = api(team, "POST", "/feeds", "{\"url\":\"http://10.9.8.7/feed.xml\"}", 400);
    assertThat(p.path("detail").asString()).contains("internal address");
    SERVER.put("/plain-page/", "text/html", "<html><head><title>x</title></head><body>no feed</body></html>");
    p = api(team, "POST", "/feeds", "{\"url\":\"" + SERVER.url("/plain-page/") + "\"}", 400);
    assertThat(p.path("detail").asString()).contains("announces no feed");
    api(team, "GET", "/feeds/items?show=bogus", null, 400);
    api(team, "GET", "/feeds/items/" + othersItem, null, 404);
    api(team, "PUT", "/feeds/items/" + othersItem + "/read", null, 404);
    api(team, "POST", "/feeds/items/" + othersItem + "/share", null, 404);
    api(team, "POST", "/feeds/items/read", "{\"upTo\":\"yesterday\"}", 400);
    assertThat(api(team, "GET", "/feeds", null, 200).size()).isZero();
  }

  /**
   * Refreshes the feed as the scheduler would, waiting for the turn the per-host spacing gives it
   * when the local server (one host for every test feed) was asked a moment ago.
   */
  static Instant refresh(SociusApp app, String feedId) {
    Instant turn = null;
    for (int attempt = 0; attempt < 50; attempt++) {
      RefreshFeed.Next next = app.bean(RefreshFeed.class).refresh(feedId, turn);
      if (!next.heldTurn()) {
        return next.at();
      }
      turn = next.at();
      try {
        Thread.sleep(Math.max(10, java.time.Duration.between(Instant.now(), turn).toMillis()));
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("the feed was never fetched");
  }

  static String feedId(SociusApp app, String feedPath) {
    return app.bean(JdbcClient.class).sql("SELECT id FROM feeds WHERE url = :url").param("url", SERVER.url(feedPath))
        .query(String.class).single();
  }
}
