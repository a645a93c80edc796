package org.socius.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.socius.testing.Teams;

/**
 * The feeds section's pages: the shell's Feeds section opens the reading list, subscribing and
 * managing work through forms, opening an item reads it and shows its HTML sanitised under the
 * Content-Security-Policy, and Share opens the composer on a credited draft.
 */
class FeedPagesTest {

  static final String HOSTILE = "<p>Hello</p><script>alert('x')</script><img src=\"https://img.example/a.png\" onerror=\"alert(1)\">"
      + "<a href=\"javascript:alert(2)\">click</a><svg onload=\"alert(3)\"></svg><div style=\"width:expression(alert(4))\">css</div>"
      + "<base href=\"https://evil.example/\"><iframe src=\"https://evil.example/\"></iframe>";

  @ParameterizedTest
  @EnumSource(Store.class)
  void readSubscribeOpenAndShareThroughThePages(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    var web = team.owner().web();
    String name = Teams.unique("pages");
    String feedPath = "/" + name + "/feed.xml";
    FeedsTest.SERVER.put(feedPath, "application/rss+xml", FeedServer.rss("Pages " + name,
        "p1|A &lt;b&gt;hostile&lt;/b&gt; item|https://blog.example/h?utm_campaign=x|" + HOSTILE.replace("]]>", ""),
        "p2|A calm item|https://blog.example/c|<p>Calm</p>"));

    var empty = web.get("/w/" + team.slug() + "/feeds");
    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.body()).contains("No feeds yet");

    var subscribed = web.post("/w/" + team.slug() + "/feeds/manage", "/w/" + team.slug() + "/feeds/subscribe",
        Map.of("url", FeedsTest.SERVER.url(feedPath), "categories", "Reading, Friends"));
    assertThat(subscribed.status()).isEqualTo(302);
    var manage = web.get("/w/" + team.slug() + "/feeds/manage");
    assertThat(manage.body()).contains("Pages " + name).contains("Friends, Reading").contains("2 unread");

    var list = web.get("/w/" + team.slug() + "/feeds");
    assertThat(list.body()).contains("A &lt;b&gt;hostile&lt;/b&gt; item").contains("A calm item").contains("/js/feeds.js")
        .doesNotContain("alert(");
    String itemId = list.body().replaceAll("(?s).*data-item=\"([^\"]+)\"[^>]*>\\s*<a class=\"item-title\"[^>]*>A &lt;b&gt;hostile.*", "$1");

    var article = web.get("/w/" + team.slug() + "/feeds/items/" + itemId);
    assertThat(article.status()).isEqualTo(200);
    assertThat(article.header("Content-Security-Policy")).contains("script-src 'self'");
    String body = article.body().substring(article.body().indexOf("article-body"));
    assertThat(body).contains("<p>Hello</p>").contains("/feeds/image?u=https%3A%2F%2Fimg.example%2Fa.png&amp;s=").doesNotContain("<script>alert")
        .doesNotContain("onerror").doesNotContain("javascript:").doesNotContain("<svg").doesNotContain("expression")
        .doesNotContain("<base").doesNotContain("<iframe").doesNotContain("evil.example");
    assertThat(web.get("/w/" + team.slug() + "/feeds").body()).as("opened: read, so no longer unread").doesNotContain("hostile");

    var shared = web.post("/w/" + team.slug() + "/feeds/items/" + itemId, "/w/" + team.slug() + "/feeds/items/" + itemId + "/share",
        Map.of());
    assertThat(shared.status()).isEqualTo(302);
    assertThat(shared.location()).matches("/w/" + team.slug() + "/publish/posts/[^/]+/edit");
    var composer = web.get(shared.location());
    assertThat(composer.body()).contains("https://blog.example/h").doesNotContain("utm_campaign").contains("via Pages " + name);

    var refused = web.post("/w/" + team.slug() + "/feeds/manage", "/w/" + team.slug() + "/feeds/subscribe",
        Map.of("url", "file:///etc/passwd", "categories", ""));
    assertThat(refused.status()).isEqualTo(302);
    assertThat(web.get("/w/" + team.slug() + "/feeds/manage").body()).contains("starting with http:// or https://");
    assertThat(web.get("/w/" + team.slug() + "/feeds?show=bogus").status()).isEqualTo(400);
  }
}
