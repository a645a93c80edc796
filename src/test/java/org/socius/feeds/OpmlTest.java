package org.socius.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.socius.testing.Teams;
import tools.jackson.databind.JsonNode;

/** OPML: a file of 1,000 feeds imports in one go with a line per feed, and an export read back gives the same feeds and categories. */
class OpmlTest {

  static JsonNode upload(Teams.Team team, String opml, int status) {
    var web = team.owner().web();
    var r = web.send(HttpRequest.newBuilder(URI.create(web.baseUrl() + "/api/v1/workspaces/" + team.workspaceId() + "/feeds/opml"))
        .header("Authorization", "Bearer " + team.ownerToken()).header("Content-Type", "text/x-opml")
        .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(opml, StandardCharsets.UTF_8)));
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    return FeedsTest.JSON.readTree(r.body());
  }

  /** Feeds on addresses the guard refuses at once (private, not allowed): the import does not wait for them, their first fetch fails. */
  static String thousandFeeds() {
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>Mine</title></head><body>");
    out.append("<outline text=\"Tech\">");
    for (int i = 0; i < 600; i++) {
      out.append("<outline type=\"rss\" text=\"Feed ").append(i).append("\" xmlUrl=\"http://10.77.").append(i / 250).append('.')
          .append(i % 250 + 1).append("/feed.xml\"/>");
    }
    out.append("</outline><outline text=\"News\"><outline text=\"Local\">");
    for (int i = 600; i < 1000; i++) {
      out.append("<outline type=\"rss\" text=\"Feed ").append(i).append("\" xmlUrl=\"http://10.77.").append(i / 250).append('.')
          .append(i % 250 + 1).append("/feed.xml\" category=\"/Extra\"/>");
    }
    out.append("</outline></outline>");
    out.append("<outline type=\"rss\" text=\"Broken\" xmlUrl=\"javascript:alert(1)\"/>");
    out.append("<outline type=\"rss\" text=\"Feed 0 again\" xmlUrl=\"http://10.77.0.1/feed.xml\"/>");
    return out.append("</body></opml>").toString();
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aThousandFeedsImportInOneGoWithAReportPerFeed(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    JsonNode report = upload(team, thousandFeeds(), 200);
    assertThat(report.path("added").asInt()).isEqualTo(1000);
    assertThat(report.path("invalid").asInt()).isEqualTo(1);
    assertThat(report.path("lines").size()).isEqualTo(1001);
    JsonNode broken = report.path("lines").valueStream().filter(l -> l.path("outcome").asString().equals("INVALID")).findFirst().orElseThrow();
    assertThat(broken.path("message").asString()).contains("http:// or https://");

    JsonNode feeds = FeedsTest.api(team, "GET", "/feeds", null, 200);
    assertThat(feeds.size()).isEqualTo(1000);
    JsonNode feed0 = feeds.valueStream().filter(f -> f.path("title").asString().equals("Feed 0")).findFirst().orElseThrow();
    assertThat(feed0.path("categories").valueStream().map(JsonNode::asString).toList()).containsExactly("Tech");
    JsonNode feed700 = feeds.valueStream().filter(f -> f.path("title").asString().equals("Feed 700")).findFirst().orElseThrow();
    assertThat(feed700.path("categories").valueStream().map(JsonNode::asString).toList()).containsExactly("Extra", "Local", "News");

    JsonNode again = upload(team, thousandFeeds(), 200);
    assertThat(again.path("added").asInt()).isZero();
    assertThat(again.path("already").asInt()).isEqualTo(1000);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void anExportReadBackGivesTheSameFeedsInTheSameCategories(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    String a = FeedsTest.site(Teams.unique("opml-a"));
    String b = FeedsTest.site(Teams.unique("opml-b"));
    String c = FeedsTest.site(Teams.unique("opml-c"));
    FeedsTest.api(team, "POST", "/feeds", "{\"url\":\"" + FeedsTest.SERVER.url(a) + "\",\"categories\":[\"Friends\",\"Tech & Code\"]}", 201);
    FeedsTest.api(team, "POST", "/feeds", "{\"url\":\"" + FeedsTest.SERVER.url(b) + "\",\"categories\":[\"Tech & Code\"]}", 201);
    FeedsTest.api(team, "POST", "/feeds", "{\"url\":\"" + FeedsTest.SERVER.url(c) + "\",\"title\":\"<My \\\"own\\\" name>\"}", 201);

    var r = team.owner().web().api("GET", "/api/v1/workspaces/" + team.workspaceId() + "/feeds/opml", team.ownerToken(), null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).startsWith("text/x-opml");
    String exported = r.body();
    assertThat(exported).contains("<opml version=\"2.0\">").contains("&lt;My &quot;own&quot; name&gt;");

    var other = Teams.create(app);
    JsonNode report = upload(other, exported, 200);
    assertThat(report.path("added").asInt()).isEqualTo(3);
    assertThat(shape(FeedsTest.api(other, "GET", "/feeds", null, 200))).isEqualTo(shape(FeedsTest.api(team, "GET", "/feeds", null, 200)));
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void notOpmlIsRefusedAndChangesNothing(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    JsonNode p = upload(team, "<html><body>hi</body></html>", 400);
    assertThat(p.path("detail").asString()).contains("not an OPML file");
    p = upload(team, "<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><opml><body>"
        + "<outline text=\"&x;\" xmlUrl=\"http://10.1.1.1/f\"/></body></opml>", 400);
    assertThat(p.path("detail").asString()).doesNotContain("root:");
    assertThat(FeedsTest.api(team, "GET", "/feeds", null, 200).size()).isZero();
  }

  /** Address → categories, which an export and import must keep. */
  static Map<String, List<String>> shape(JsonNode feeds) {
    Map<String, List<String>> out = new TreeMap<>();
    feeds.valueStream().forEach(f -> out.put(f.path("feedUrl").asString() + " " + f.path("title").asString(),
        f.path("categories").valueStream().map(JsonNode::asString).toList()));
    return out;
  }
}
