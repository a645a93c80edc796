package org.socius.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.platform.Ids;
import org.socius.publishing.internal.PostingSchedule;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.socius.testing.Teams;
import org.socius.testing.WebSession;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Publish pages through the running app as a browser sends them: who may see and do what,
 * refusals beside their field with nothing stored, and the main flows on a stand-in channel.
 */
class PublishPagesTest {

  private static final List<String> PAGES = List.of("", "/compose", "/calendar", "/calendar?view=month", "/drafts",
      "/approvals", "/history", "/import", "/settings");
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

  @ParameterizedTest
  @EnumSource(Store.class)
  void everyPageAnswersAnOwnerWithoutAnyChannel(Store store) {
    var team = Teams.create(SociusApp.shared(store));
    for (String page : PAGES) {
      var r = team.owner().web().get("/w/" + team.slug() + "/publish" + page);
      assertThat(r.status()).as(page).isEqualTo(200);
      assertThat(r.body()).as(page).contains("href=\"/w/" + team.slug() + "/publish/calendar\"").doesNotContain("style=");
    }
    assertThat(team.owner().web().get("/w/" + team.slug() + "/publish").body()).doesNotContain("arrives with its capability");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aViewerReadsButCannotCompose(Store store) {
    var team = Teams.create(SociusApp.shared(store));
    var viewer = team.join("viewer");
    String queue = "/w/" + team.slug() + "/publish";
    assertThat(viewer.web().get(queue).status()).isEqualTo(200);
    var r = viewer.web().post(queue, queue + "/compose", Map.of("channels", "x", "text", "Hello", "action", "draft"));
    assertThat(r.status()).isEqualTo(403);
    assertThat(viewer.web().get(queue + "/settings").status()).isEqualTo(403);
    assertThat(posts(team)).isZero();
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void composingWithoutAChannelIsRefusedBesideTheFieldAndStoresNothing(Store store) {
    var team = Teams.create(SociusApp.shared(store));
    String compose = "/w/" + team.slug() + "/publish/compose";
    var r = team.owner().web().post(compose, compose, Map.of("text", "Our winter programme", "action", "queue", "kind", "own"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("<p class=\"error\" id=\"e-channels\">Choose at least one channel.</p>")
        .contains(">Our winter programme</textarea>").contains("value=\"own\" checked");
    assertThat(posts(team)).isZero();
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void pagesOfAnotherWorkspaceAreNotFound(Store store) {
    SociusApp app = SociusApp.shared(store);
    var mine = Teams.create(app);
    var theirs = Teams.create(app);
    String channel = standIn(app, theirs, "theirs.bsky.social");
    for (String page : List.of("", "/compose", "/calendar", "/drafts", "/approvals", "/history", "/import", "/settings",
        "/channels/" + channel + "/slots", "/images/" + Ids.newId())) {
      assertThat(mine.owner().web().get("/w/" + theirs.slug() + "/publish" + page).status()).as(page).isEqualTo(404);
    }
    assertThat(mine.owner().web().get("/w/" + mine.slug() + "/publish/channels/" + channel + "/slots").status()).isEqualTo(404);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void slotsQueueAndTheEmptySlotOfTheComposer(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    WebSession web = team.owner().web();
    String base = "/w/" + team.slug() + "/publish";
    String channel = standIn(app, team, "cafe.bsky.social");

    String slotsPage = base + "/channels/" + channel + "/slots";
    var bad = web.post(slotsPage, slotsPage, Map.of("mon", "08:15, 25:00", "tue", "09:00"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("id=\"e-mon\"").contains("25:00 is not a time of day").contains("value=\"08:15, 25:00\"");
    Map<String, String> week = new LinkedHashMap<>();
    for (String day : List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun")) {
      week.put(day, "09:00, 18:00");
    }
    assertThat(web.post(slotsPage, slotsPage, week).status()).isEqualTo(302);
    assertThat(web.get(slotsPage).body()).contains("value=\"09:00, 18:00\"");

    var compose = web.get(base + "/compose");
    assertThat(compose.body()).contains("data-network=\"bluesky\"").contains("data-max=\"300\"").contains("/js/composer.js");
    var first = web.post(base + "/compose", base + "/compose", Map.of("channels", channel, "text", "First in line", "action", "queue"));
    assertThat(first.status()).isEqualTo(302);
    assertThat(first.location()).isEqualTo(base);

    var slots = PostingSchedule.upcoming(Arrays.stream("mon tue wed thu fri sat sun".split(" "))
        .flatMap(d -> List.of(PostingSchedule.Slot.parse(d + " 09:00"), PostingSchedule.Slot.parse(d + " 18:00")).stream()).toList(),
        ZoneId.of("Europe/Berlin"), Instant.now(), Instant.now().plus(Duration.ofDays(3)));
    assertThat(due(app, "First in line")).isEqualTo(slots.get(0));
    String queue = web.get(base).body();
    assertThat(queue).contains("First in line").contains("Empty slot — fill it")
        .contains("/publish/compose?channel=" + channel + "&amp;slot=" + slots.get(2));

    String preset = base + "/compose?channel=" + channel + "&slot=" + slots.get(2);
    var form = web.get(preset);
    assertThat(form.body()).contains("name=\"slot\" value=\"" + slots.get(2) + "\"")
        .contains("value=\"" + slots.get(2).atZone(ZoneId.of("Europe/Berlin")).toLocalDateTime().toString().substring(0, 16) + "\"");
    var third = web.post(preset, base + "/compose", Map.of("channels", channel, "text", "Into the third slot", "action", "queue",
        "slot", slots.get(2).toString(), "slotChannel", channel));
    assertThat(third.status()).isEqualTo(302);
    assertThat(due(app, "Into the third slot")).isEqualTo(slots.get(2));

    String delivery = app.bean(JdbcClient.class).sql("SELECT d.id FROM deliveries d JOIN posts p ON p.id = d.post_id WHERE p.text = :t")
        .param("t", "First in line").query(String.class).single();
    var moved = web.post(base, base + "/deliveries/" + delivery + "/move", Map.of("direction", "later", "back", base));
    assertThat(moved.status()).isEqualTo(302);
    assertThat(due(app, "First in line")).isEqualTo(slots.get(2));
    assertThat(due(app, "Into the third slot")).isEqualTo(slots.get(0));
    var firstAgain = web.post(base, base + "/deliveries/" + delivery + "/move", Map.of("direction", "later", "back", base));
    assertThat(web.get(firstAgain.location()).body()).contains("already the last in the queue");

    assertThat(web.get(base + "/calendar?date=" + slots.get(2).atZone(ZoneId.of("Europe/Berlin")).toLocalDate()).body())
        .contains("First in line").contains("Scheduled");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aDraftWithAnImageIsServedToMembersOnlyAndCanBeEditedAndDeleted(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    WebSession web = team.owner().web();
    String base = "/w/" + team.slug() + "/publish";
    String channel = standIn(app, team, "shop.bsky.social");

    var noAlt = multipart(web, base + "/compose", Map.of("channels", channel, "text", "New loaves", "action", "draft", "alt1", ""),
        "image1", PNG);
    assertThat(noAlt.status()).isEqualTo(400);
    assertThat(noAlt.body()).contains("id=\"e-images\"").contains("choose them again").contains(">New loaves</textarea>");
    assertThat(posts(team)).isZero();

    var saved = multipart(web, base + "/compose", Map.of("channels", channel, "text", "New loaves", "action", "draft",
        "alt1", "Three sourdough loaves", "text-" + channel, "Fresh bread on Bluesky"), "image1", PNG);
    assertThat(saved.status()).isEqualTo(302);
    assertThat(saved.location()).isEqualTo(base + "/drafts");
    String drafts = web.get(base + "/drafts").body();
    assertThat(drafts).contains("New loaves").contains("Three sourdough loaves");
    String image = drafts.replaceAll("(?s).*/publish/images/([^\"]+)\".*", "$1");
    var served = web.get(base + "/images/" + image);
    assertThat(served.status()).isEqualTo(200);
    assertThat(served.header("Content-Type")).isEqualTo("image/png");
    assertThat(served.header("Cache-Control")).contains("private");
    assertThat(Teams.create(app).owner().web().get(base + "/images/" + image).status()).isEqualTo(404);

    String postId = app.bean(JdbcClient.class).sql("SELECT id FROM posts WHERE workspace_id = :ws").param("ws", team.workspaceId())
        .query(String.class).single();
    String edit = base + "/posts/" + postId + "/edit";
    assertThat(web.get(edit).body()).contains(">New loaves</textarea>").contains(">Fresh bread on Bluesky</textarea>")
        .contains("value=\"Three sourdough loaves\"");
    var past = web.post(edit, edit, Map.of("channels", channel, "text", "New loaves", "action", "at", "at", "2001-01-01T08:00"));
    assertThat(past.status()).isEqualTo(400);
    assertThat(past.body()).contains("id=\"e-at\"").contains("value=\"2001-01-01T08:00\"");
    assertThat(web.post(base + "/drafts", base + "/posts/" + postId + "/delete", Map.of("back", base + "/drafts")).location())
        .isEqualTo(base + "/drafts");
    assertThat(posts(team)).isZero();
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void anOwnerSendsAnEditorsPostBackWithANote(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    String base = "/w/" + team.slug() + "/publish";
    String channel = standIn(app, team, "news.bsky.social");
    WebSession owner = team.owner().web();
    var badPercent = owner.post(base + "/settings", base + "/settings", Map.of("approvalRequired", "true", "ownLimitPercent", "150",
        "missedAfterMinutes", "60", "ownDomains", ""));
    assertThat(badPercent.status()).isEqualTo(400);
    assertThat(badPercent.body()).contains("id=\"e-ownLimitPercent\"").contains("value=\"150\"");
    assertThat(owner.post(base + "/settings", base + "/settings", Map.of("approvalRequired", "true", "altTextRequired", "true",
        "ownLimitPercent", "40", "missedAfterMinutes", "60", "ownDomains", "example.org")).status()).isEqualTo(302);

    var editor = team.join("editor").web();
    var sent = editor.post(base + "/compose", base + "/compose", Map.of("channels", channel, "text", "Market on Saturday",
        "action", "at", "at", Instant.now().plus(Duration.ofDays(2)).atZone(ZoneId.of("Europe/Berlin")).toLocalDateTime().toString()
            .substring(0, 16)));
    assertThat(sent.location()).isEqualTo(base + "/approvals");
    String postId = app.bean(JdbcClient.class).sql("SELECT id FROM posts WHERE workspace_id = :ws").param("ws", team.workspaceId())
        .query(String.class).single();
    assertThat(owner.get(base + "/approvals").body()).contains("Market on Saturday").contains("Member editor");

    var noNote = owner.post(base + "/approvals", base + "/posts/" + postId + "/return", Map.of("note", " "));
    assertThat(noNote.status()).isEqualTo(400);
    assertThat(noNote.body()).contains("id=\"e-return-" + postId + "\"").contains("Write a note.");
    assertThat(owner.post(base + "/approvals", base + "/posts/" + postId + "/return", Map.of("note", "Say which market")).status())
        .isEqualTo(302);
    assertThat(editor.get(base + "/approvals").body()).contains("Say which market").contains(base + "/posts/" + postId + "/edit");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aCsvImportReportsEachRow(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    String base = "/w/" + team.slug() + "/publish";
    standIn(app, team, "club.bsky.social");
    String csv = "channels,at,text\nclub.bsky.social," + java.time.LocalDate.now().plusDays(30) + " 10:00,A good row\n"
        + "nobody.example,,A bad row\n";
    var r = multipart(team.owner().web(), base + "/import", Map.of(), "file", csv.getBytes(StandardCharsets.UTF_8));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).contains("1 posts scheduled, 1 rows refused").contains("no connected channel").contains("nobody.example");
    var empty = multipart(team.owner().web(), base + "/import", Map.of(), "file", new byte[0]);
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.body()).contains("id=\"e-file\"");
  }

  /** A Bluesky channel row without working credentials: enough for pages and checks, never synced. */
  static String standIn(SociusApp app, Teams.Team team, String handle) {
    String id = Ids.newId();
    app.bean(JdbcClient.class).sql("""
        INSERT INTO channels (id, workspace_id, network, remote_id, handle, service_url, credentials, created_at)
        VALUES (:id, :ws, 'bluesky', :remote, :handle, 'https://pds.invalid', '-', :now)""")
        .param("id", id).param("ws", team.workspaceId()).param("remote", "did:plc:" + id.replace("-", ""))
        .param("handle", handle).param("now", System.currentTimeMillis()).update();
    return id;
  }

  private static int posts(Teams.Team team) {
    return team.app().bean(JdbcClient.class).sql("SELECT COUNT(*) FROM posts WHERE workspace_id = :ws")
        .param("ws", team.workspaceId()).query(Integer.class).single();
  }

  private static Instant due(SociusApp app, String text) {
    return Instant.ofEpochMilli(app.bean(JdbcClient.class)
        .sql("SELECT d.due_at FROM deliveries d JOIN posts p ON p.id = d.post_id WHERE p.text = :t").param("t", text)
        .query(Long.class).single());
  }

  /** Posts a multipart form (with the CSRF token of the page) as a browser does for a file upload. */
  static WebSession.Response multipart(WebSession web, String page, Map<String, String> fields, String fileField, byte[] file) {
    String boundary = "----socius" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("_csrf", web.csrf(page));
    all.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
        + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"upload\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return web.send(HttpRequest.newBuilder(java.net.URI.create(web.baseUrl() + page))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }
}
