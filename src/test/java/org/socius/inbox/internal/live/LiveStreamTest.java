package org.socius.inbox.internal.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socius.inbox.internal.live.LiveKit.mention;
import static org.socius.inbox.internal.live.LiveKit.data;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.networks.EventType;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.socius.testing.Teams;

/**
 * The live stream read by an HTTP client with a browser's session: news of the member's own
 * workspace only, assignments only to the assignee, what a reconnecting page missed, and the
 * member's choices deciding which events are shown on screen.
 */
class LiveStreamTest {

  static final Duration WAIT = Duration.ofSeconds(10);

  static SseClient stream(SociusApp app, Teams.Person person, String slug, String lastEventId) {
    SseClient c = SseClient.signedIn(app.baseUrl(), person.email(), Teams.PASSWORD);
    assertThat(c.open("/w/" + slug + "/live", lastEventId)).isEqualTo(200);
    return c;
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aNewItemReachesTheOpenPagesOfItsWorkspaceOnly(Store store) throws Exception {
    SociusApp app = SociusApp.shared(store);
    Teams.Team team = Teams.create(app);
    Teams.Team other = Teams.create(app);
    try (SseClient mine = stream(app, team.owner(), team.slug(), null);
        SseClient theirs = stream(app, other.owner(), other.slug(), null)) {
      assertThat(mine.next("hello", WAIT)).isNotNull();
      assertThat(theirs.next("hello", WAIT)).isNotNull();
      mention(app, team.workspaceId(), "Ada <b>Lovelace</b>", "hello @us, <script>x</script>");
      var got = mine.next("item", WAIT);
      assertThat(Long.parseLong(got.id())).isPositive();
      var d = data(got);
      assertThat(d.path("type").asString()).isEqualTo("mention");
      String conversation = d.path("conversationId").asString();
      assertThat(team.owner().web().get("/w/" + team.slug() + "/inbox/" + conversation).status()).isEqualTo(200);
      assertThat(d.path("open").asLong()).isEqualTo(1);
      assertThat(d.path("personName").asString()).isEqualTo("Ada <b>Lovelace</b>"); // as data; the page writes it as text
      assertThat(d.path("excerpt").asString()).isEqualTo("hello @us, <script>x</script>");
      assertThat(d.path("label").asString()).isEqualTo("Mention");
      assertThat(d.path("title").asString()).isEqualTo("Mention from Ada <b>Lovelace</b>");
      assertThat(d.path("url").asString()).isEqualTo("/w/" + team.slug() + "/inbox/" + conversation);
      assertThat(d.path("notify").asBoolean()).isTrue();
      assertThat(d.has("assigneeMemberId")).isFalse();
      assertThat(theirs.within(Duration.ofSeconds(3), "item", "assigned")).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void anAssignmentReachesTheAssigneeOnly(Store store) throws Exception {
    SociusApp app = SociusApp.shared(store);
    Teams.Team team = Teams.create(app);
    Teams.Person editor = team.join("editor");
    String assignee = LiveKit.memberId(team, "editor");
    try (SseClient ownerPage = stream(app, team.owner(), team.slug(), null);
        SseClient editorPage = stream(app, editor, team.slug(), null)) {
      ownerPage.next("hello", WAIT);
      editorPage.next("hello", WAIT);
      String post = "root-" + System.nanoTime();
      LiveKit.says(app, team.workspaceId(), EventType.MENTIONED, "Grace", "a question", post, null);
      String conversation = data(ownerPage.next("item", WAIT)).path("conversationId").asString();
      assertThat(data(editorPage.next("item", WAIT)).path("conversationId").asString()).isEqualTo(conversation);
      LiveKit.assign(team, conversation, assignee);
      var d = data(editorPage.next("assigned", WAIT));
      assertThat(d.path("conversationId").asString()).isEqualTo(conversation);
      assertThat(d.path("title").asString()).isEqualTo("Conversation with Grace assigned to you");
      assertThat(d.path("notify").asBoolean()).isTrue();
      // their next word in that conversation: both pages list it, only the assignee is notified
      LiveKit.says(app, team.workspaceId(), EventType.REPLIED, "Grace", "thanks", "reply-" + System.nanoTime(), post);
      var toEditor = data(editorPage.next("item", WAIT));
      assertThat(toEditor.path("conversationId").asString()).isEqualTo(conversation);
      assertThat(toEditor.path("notify").asBoolean()).isTrue();
      assertThat(data(ownerPage.next("item", WAIT)).path("notify").asBoolean()).isFalse();
      assertThat(ownerPage.within(Duration.ofSeconds(2), "assigned")).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aPageThatReconnectsGetsWhatItMissedOnceAndInOrder(Store store) throws Exception {
    SociusApp app = SociusApp.shared(store);
    Teams.Team team = Teams.create(app);
    String first;
    try (SseClient page = stream(app, team.owner(), team.slug(), null)) {
      page.next("hello", WAIT);
      mention(app, team.workspaceId(), "One", "1");
      first = page.next("item", WAIT).id();
    }
    mention(app, team.workspaceId(), "Two", "2");
    // news of another workspace in between is not replayed here
    mention(app, Teams.create(app).workspaceId(), "Elsewhere", "x");
    LiveKit.says(app, team.workspaceId(), EventType.DIRECT_MESSAGE, "Three", "3", "dm-" + System.nanoTime(), null);
    String last;
    try (SseClient page = stream(app, team.owner(), team.slug(), first)) {
      var a = page.next("item", WAIT);
      var b = page.next("item", WAIT);
      assertThat(data(a).path("personName").asString()).isEqualTo("Two");
      assertThat(data(b).path("personName").asString()).isEqualTo("Three");
      assertThat(data(b).path("type").asString()).isEqualTo("direct-message");
      assertThat(Long.parseLong(a.id())).isGreaterThan(Long.parseLong(first));
      assertThat(Long.parseLong(b.id())).isGreaterThan(Long.parseLong(a.id()));
      last = b.id();
      page.next("hello", WAIT);
      assertThat(page.within(Duration.ofSeconds(2), "item")).as("nothing twice").isEmpty();
    }
    try (SseClient page = stream(app, team.owner(), team.slug(), last)) {
      page.next("hello", WAIT);
      assertThat(page.within(Duration.ofSeconds(2), "item")).as("nothing missed").isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void theMembersChoicesDecideWhatIsShownOnScreen(Store store) throws Exception {
    SociusApp app = SociusApp.shared(store);
    Teams.Team team = Teams.create(app);
    String page = "/w/" + team.slug() + "/notifications";
    var web = team.owner().web();
    assertThat(web.get(page).body()).contains("Quiet hours").contains("id=\"allow-notifications\"");
    // no mentions on screen; replies yes
    var saved = web.post(page, page, form(Map.of("kinds", "reply")));
    assertThat(saved.status()).isEqualTo(302);
    try (SseClient live = stream(app, team.owner(), team.slug(), null)) {
      live.next("hello", WAIT);
      mention(app, team.workspaceId(), "M", "m");
      assertThat(data(live.next("item", WAIT)).path("notify").asBoolean()).isFalse();
      LiveKit.says(app, team.workspaceId(), EventType.REPLIED, "R", "r", "r-" + System.nanoTime(), "ours-" + System.nanoTime());
      assertThat(data(live.next("item", WAIT)).path("notify").asBoolean()).isTrue();
      // quiet hours around now, in the member's own zone
      LocalTime now = LocalTime.now(ZoneId.of("Asia/Tokyo"));
      var quiet = new HashMap<>(form(Map.of("kinds", "reply")));
      quiet.put("quietFrom", now.minusHours(1).withSecond(0).withNano(0).toString());
      quiet.put("quietTo", now.plusHours(1).withSecond(0).withNano(0).toString());
      quiet.put("timeZone", "Asia/Tokyo");
      assertThat(web.post(page, page, quiet).status()).isEqualTo(302);
      LiveKit.says(app, team.workspaceId(), EventType.REPLIED, "R", "r", "r-" + System.nanoTime(), "ours-" + System.nanoTime());
      assertThat(data(live.next("item", WAIT)).path("notify").asBoolean()).isFalse();
    }
    String shown = web.get(page).body();
    assertThat(shown).contains("value=\"Asia/Tokyo\"");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void badRequestsAreRefusedAndChangeNothing(Store store) throws Exception {
    SociusApp app = SociusApp.shared(store);
    Teams.Team team = Teams.create(app);
    Teams.Team other = Teams.create(app);
    SseClient c = SseClient.signedIn(app.baseUrl(), team.owner().email(), Teams.PASSWORD);
    assertThat(c.open("/w/" + team.slug() + "/live", "not-a-number")).isEqualTo(400);
    assertThat(c.open("/w/" + team.slug() + "/live", "-5")).isEqualTo(400);
    assertThat(c.open("/w/" + other.slug() + "/live", null)).as("another workspace").isEqualTo(404);
    var anonymous = app.session().get("/w/" + team.slug() + "/live");
    assertThat(anonymous.status()).isEqualTo(302);
    assertThat(anonymous.location()).isEqualTo("/signin");
    c.close();

    String page = "/w/" + team.slug() + "/notifications";
    var web = team.owner().web();
    Map<String, String> bad = new HashMap<>(form(Map.of("kinds", "reply")));
    bad.put("timeZone", "Mars/Olympus");
    var refused = web.post(page, page, bad);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("This is not a time zone");
    bad.put("timeZone", "");
    bad.put("quietFrom", "25:00");
    bad.put("quietTo", "07:00");
    assertThat(web.post(page, page, bad).status()).isEqualTo(422);
    bad.put("quietFrom", "22:00");
    bad.put("quietTo", "");
    assertThat(web.post(page, page, bad).status()).isEqualTo(422);
    bad.put("quietTo", "07:00");
    bad.put("digestHour", "24");
    assertThat(web.post(page, page, bad).status()).isEqualTo(422);
    // nothing was stored: the page still shows the defaults
    String shown = web.get(page).body();
    assertThat(shown).contains("id=\"f-kind-mention\" type=\"checkbox\" name=\"kinds\" value=\"mention\" checked");
    assertThat(shown).doesNotContain("value=\"22:00\"");
    // without a CSRF token nothing is stored either
    assertThat(web.postRaw(page, form(Map.of("kinds", "reply"))).status()).isEqualTo(403);
    assertThat(web.get(page).body()).contains("value=\"mention\" checked");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void theSettingsThroughTheApi(Store store) {
    SociusApp app = SociusApp.shared(store);
    Teams.Team team = Teams.create(app);
    var web = team.owner().web();
    String path = "/api/v1/workspaces/" + team.workspaceId() + "/notification-settings";
    var defaults = LiveKit.JSON.readTree(web.api("GET", path, team.ownerToken(), null).body());
    assertThat(defaults.path("onScreen").asBoolean()).isTrue();
    assertThat(defaults.path("kinds").size()).isEqualTo(5);
    assertThat(defaults.path("quietFrom").isNull()).isTrue();
    assertThat(defaults.path("digest").asBoolean()).isFalse();
    assertThat(defaults.path("digestHour").asInt()).isEqualTo(8);

    String body = "{\"onScreen\":true,\"kinds\":[\"direct-message\",\"assigned\"],\"quietFrom\":\"22:30\",\"quietTo\":\"06:45\","
        + "\"timeZone\":\"America/New_York\",\"digest\":true,\"digestHour\":7}";
    var saved = web.api("PUT", path, team.ownerToken(), body);
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    var back = LiveKit.JSON.readTree(web.api("GET", path, team.ownerToken(), null).body());
    assertThat(back.path("kinds").toString()).isEqualTo("[\"direct-message\",\"assigned\"]");
    assertThat(back.path("quietFrom").asString()).isEqualTo("22:30");
    assertThat(back.path("quietTo").asString()).isEqualTo("06:45");
    assertThat(back.path("timeZone").asString()).isEqualTo("America/New_York");
    assertThat(back.path("digestHour").asInt()).isEqualTo(7);

    var refused = web.api("PUT", path, team.ownerToken(), body.replace("America/New_York", "Nowhere/Else"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.body()).contains("timeZone").contains("This is not a time zone");
    assertThat(web.api("PUT", path, team.ownerToken(), body.replace("\"digestHour\":7", "\"digestHour\":31")).status()).isEqualTo(400);
    assertThat(LiveKit.JSON.readTree(web.api("GET", path, team.ownerToken(), null).body())).isEqualTo(back);
    // another workspace's settings are not there for this token
    Teams.Team other = Teams.create(app);
    assertThat(web.api("GET", "/api/v1/workspaces/" + other.workspaceId() + "/notification-settings", team.ownerToken(), null).status())
        .isEqualTo(404);
  }

  static Map<String, String> form(Map<String, String> extra) {
    Map<String, String> f = new HashMap<>(Map.of("onScreen", "true", "quietFrom", "", "quietTo", "", "timeZone", "",
        "digestHour", "8"));
    f.putAll(extra);
    return f;
  }
}
