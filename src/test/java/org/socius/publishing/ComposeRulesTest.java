package org.socius.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.publishing.internal.PostingSchedule;
import org.socius.testing.MastodonStatuses;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Composing, queueing and bulk scheduling: what is accepted, what is refused and why, and that a refusal stores nothing. */
class ComposeRulesTest {

  private static final MastodonStatuses SERVER = new MastodonStatuses();

  @AfterAll
  static void stop() {
    SERVER.close();
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void badInputIsAClearProblemAndStoresNothing(Store store) {
    SociusApp app = SociusApp.shared(store);
    try (var kit = new PublishingKit(app, SERVER, 1); var other = new PublishingKit(app, SERVER, 1)) {
      String ch = kit.channels.get(0);
      String png = Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
      String notImage = Base64.getEncoder().encodeToString("<svg onload=alert(1)>".getBytes());
      record Case(String json, String field) {}
      List<Case> cases = List.of(
          new Case("{\"channels\": [\"%s\"], \"text\": \"x\", \"action\": \"at\", \"at\": \"%s\"}".formatted(ch, Instant.now().minusSeconds(60)), "at"),
          new Case("{\"channels\": [\"no-such-channel\"], \"text\": \"x\", \"action\": \"now\"}", "channels"),
          new Case("{\"channels\": [\"%s\"], \"text\": \"x\", \"action\": \"now\"}".formatted(other.channels.get(0)), "channels"),
          new Case("{\"channels\": [], \"text\": \"x\", \"action\": \"now\"}", "channels"),
          new Case("{\"channels\": [\"%s\"], \"text\": \"   \", \"action\": \"now\"}".formatted(ch), "text"),
          new Case("{\"channels\": [\"%s\"], \"text\": \"%s\", \"action\": \"now\"}".formatted(ch, "a".repeat(501)), "text"),
          new Case("{\"channels\": [\"%s\"], \"text\": \"x\", \"action\": \"now\", \"images\": [{\"data\": \"%s\", \"alt\": \"a\"}]}"
              .formatted(ch, notImage), "images"),
          new Case("{\"channels\": [\"%s\"], \"text\": \"x\", \"action\": \"now\", \"images\": [{\"data\": \"%s\", \"alt\": \"\"}]}"
              .formatted(ch, png), "images"),
          new Case("{\"channels\": [\"%s\"], \"text\": \"x\", \"action\": \"queue\"}".formatted(ch), "channels"),
          new Case("{\"channels\": [\"%s\"], \"text\": \"x\", \"action\": \"sometime\"}".formatted(ch), "action"));
      for (Case c : cases) {
        var r = kit.api("POST", "/posts", c.json());
        assertThat(r.status()).as(c.json() + " → " + r.body()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.body()).as(c.json()).contains("\"" + c.field() + "\"");
      }
      int stored = app.bean(JdbcClient.class).sql("SELECT COUNT(*) FROM posts WHERE workspace_id = :ws")
          .param("ws", kit.team.workspaceId()).query(Integer.class).single();
      assertThat(stored).as("nothing stored from refused requests").isZero();
      assertThat(kit.api("GET", "/posts/" + "0".repeat(36), null).status()).isEqualTo(404);
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void addToQueueTakesTheNextFreeSlotsAndPostsCanBeReordered(Store store) {
    SociusApp app = SociusApp.shared(store);
    try (var kit = new PublishingKit(app, SERVER, 1)) {
      String ch = kit.channels.get(0);
      var slots = kit.api("PUT", "/channels/" + ch + "/slots", "{\"slots\": [\"mon 08:15\", \"wed 12:30\", \"fri 17:00\"]}");
      assertThat(slots.status()).as(slots.body()).isEqualTo(200);
      ZoneId zone = ZoneId.of(PublishingKit.JSON.readTree(kit.team.owner().web().api("GET", kit.base(), kit.team.ownerToken(), null).body())
          .path("timeZone").asString("UTC"));
      var expected = PostingSchedule.upcoming(List.of(new PostingSchedule.Slot(DayOfWeek.MONDAY, LocalTime.of(8, 15)),
          new PostingSchedule.Slot(DayOfWeek.WEDNESDAY, LocalTime.of(12, 30)), new PostingSchedule.Slot(DayOfWeek.FRIDAY, LocalTime.of(17, 0))),
          zone, Instant.now(), Instant.now().plus(Duration.ofDays(14)));
      String[] deliveries = new String[3];
      for (int i = 0; i < 3; i++) {
        JsonNode post = kit.post("{\"channels\": [\"%s\"], \"text\": \"Queued %d\", \"action\": \"queue\"}".formatted(ch, i));
        JsonNode d = post.path("deliveries").get(0);
        assertThat(d.path("inQueue").asBoolean()).isTrue();
        assertThat(Instant.parse(d.path("dueAt").asString())).as("post " + i).isEqualTo(expected.get(i));
        deliveries[i] = d.path("id").asString();
      }
      assertThat(kit.api("POST", "/deliveries/" + deliveries[0] + "/move", "{\"direction\": \"later\"}").status()).isEqualTo(204);
      var queue = kit.api("GET", "/queue?channel=" + ch, null).body();
      assertThat(queue.indexOf(deliveries[1])).as("the second post now comes first").isLessThan(queue.indexOf(deliveries[0]));
      assertThat(kit.api("POST", "/deliveries/" + deliveries[1] + "/move", "{\"direction\": \"earlier\"}").status()).isEqualTo(400);
      var seen = new HashSet<String>();
      for (JsonNode c : PublishingKit.JSON.readTree(queue).path("channels").get(0).path("lines")) {
        if (!c.path("delivery").isNull() && !c.path("delivery").isMissingNode()) {
          assertThat(seen.add(c.path("at").asString())).as("one post per slot").isTrue();
        }
      }
      assertThat(kit.api("POST", "/channels/" + ch + "/pause", null).status()).isEqualTo(204);
      assertThat(kit.api("GET", "/queue", null).body()).contains("\"paused\":true");
      assertThat(kit.api("POST", "/channels/" + ch + "/resume", null).status()).isEqualTo(204);
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aCsvImportSchedulesTheGoodRowsAndSaysWhyTheOthersWereRefused(Store store) {
    SociusApp app = SociusApp.shared(store);
    try (var kit = new PublishingKit(app, SERVER, 1)) {
      String ch = kit.channels.get(0);
      String handle = PublishingKit.JSON.readTree(kit.api("GET", "/channels", null).body()).path("items").get(0).path("handle").asString();
      String future = Instant.now().plus(Duration.ofDays(2)).toString();
      String csv = "channels,at,text,kind\n"
          + handle + "," + future + ",A good post,share\n"
          + ch + ",2020-01-01 08:00,In the past,own\n"
          + handle + ",tomorrow-ish,Bad date,own\n"
          + "@nobody@nowhere," + future + ",Unknown channel,own\n"
          + handle + "," + future + "," + "b".repeat(501) + ",own\n";
      var r = kit.team.owner().web().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(kit.team.owner().web().baseUrl()
              + kit.base() + "/posts/import"))
          .header("Authorization", "Bearer " + kit.team.ownerToken()).header("Content-Type", "text/csv")
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv)));
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      JsonNode report = PublishingKit.JSON.readTree(r.body());
      assertThat(report.path("accepted").asInt()).isEqualTo(1);
      assertThat(report.path("refused").asInt()).isEqualTo(4);
      assertThat(report.path("rows").get(0).path("accepted").asBoolean()).isTrue();
      for (int i = 1; i < 5; i++) {
        assertThat(report.path("rows").get(i).path("reason").asString()).as("row " + (i + 2)).isNotBlank();
      }
      int stored = app.bean(JdbcClient.class).sql("SELECT COUNT(*) FROM posts WHERE workspace_id = :ws")
          .param("ws", kit.team.workspaceId()).query(Integer.class).single();
      assertThat(stored).isEqualTo(1);

      var wrongHeader = kit.team.owner().web().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
              kit.team.owner().web().baseUrl() + kit.base() + "/posts/import"))
          .header("Authorization", "Bearer " + kit.team.ownerToken()).header("Content-Type", "text/csv")
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString("channel,when,body\nx,y,z\n")));
      assertThat(wrongHeader.status()).isEqualTo(400);
      assertThat(wrongHeader.body()).contains("\"file\"");

      var export = kit.api("GET", "/posts/export", null);
      assertThat(export.status()).isEqualTo(200);
      assertThat(export.body()).startsWith("channels,at,text,kind,state,url").contains("A good post");
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void onABrandTheSignatureIsAddedAndCountedAndTheKindIsSuggestedFromTheLinks(Store store) {
    SociusApp app = SociusApp.shared(store);
    try (var kit = new PublishingKit(app, SERVER, 1)) {
      String ch = kit.channels.get(0);
      var web = kit.team.owner().web();
      assertThat(web.api("PATCH", kit.base(), kit.team.ownerToken(), "{\"kind\": \"brand\"}").status()).isEqualTo(200);
      assertThat(web.api("PUT", kit.base() + "/profile", kit.team.ownerToken(),
          "{\"displayName\": \"Ann Owner\", \"bio\": \"\", \"signature\": \"^AO\", \"showPublicly\": false}").status()).isEqualTo(200);
      assertThat(kit.api("PATCH", "/publishing-settings", "{\"signatureOnBrand\": true, \"ownDomains\": \"parish-cafe.example\"}")
          .status()).isEqualTo(200);

      JsonNode own = kit.post("{\"channels\": [\"%s\"], \"text\": \"Our new menu https://www.parish-cafe.example/menu\", \"action\": \"draft\"}"
          .formatted(ch));
      assertThat(own.path("kind").asString()).isEqualTo("own");
      assertThat(own.path("deliveries").get(0).path("parts").get(0).asString()).endsWith(" ^AO");
      JsonNode share = kit.post("{\"channels\": [\"%s\"], \"text\": \"Read this https://elsewhere.example/story\", \"action\": \"draft\"}"
          .formatted(ch));
      assertThat(share.path("kind").asString()).isEqualTo("share");
      JsonNode chosen = kit.post("{\"channels\": [\"%s\"], \"text\": \"Read this https://elsewhere.example/story\", \"kind\": \"own\", \"action\": \"draft\"}"
          .formatted(ch));
      assertThat(chosen.path("kind").asString()).as("the author decides").isEqualTo("own");
      assertThat(chosen.path("kindSuggested").asString()).isEqualTo("share");

      // the signature counts: 497 characters of text + " ^AO" is 501, over Mastodon's 500 here
      var tooLong = kit.api("POST", "/posts", "{\"channels\": [\"%s\"], \"text\": \"%s\", \"action\": \"now\"}".formatted(ch, "a".repeat(497)));
      assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(400);
      assertThat(tooLong.body()).contains("501");
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void anotherCapabilityHandsAMemberADraftThatIsAShareAndGoesNowhereByItself(Store store) {
    SociusApp app = SociusApp.shared(store);
    try (var kit = new PublishingKit(app, SERVER, 1)) {
      String memberId = PublishingKit.JSON.readTree(kit.team.owner().web().api("GET", kit.base() + "/profile", kit.team.ownerToken(), null)
          .body()).path("id").asString();
      String id = app.bean(Drafts.class).draft(kit.team.workspaceId(), memberId, "A good read, via @someone", "https://blog.example/post",
          null);
      JsonNode draft = kit.get(id);
      assertThat(draft.path("stage").asString()).isEqualTo("draft");
      assertThat(draft.path("kind").asString()).isEqualTo("share");
      assertThat(draft.path("sourceUrl").asString()).isEqualTo("https://blog.example/post");
      assertThat(draft.path("deliveries").size()).isZero();
    }
  }
}
