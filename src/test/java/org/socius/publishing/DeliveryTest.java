package org.socius.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.testing.MastodonStatuses;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.socius.testing.Teams;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Delivery on both databases against a local Mastodon statuses server: on time, once, and never unapproved. */
class DeliveryTest {

  private static final MastodonStatuses SERVER = new MastodonStatuses();

  @AfterAll
  static void stop() {
    SERVER.close();
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void shareNowPublishesOnceAndRecordsWhereItLanded(Store store) {
    try (var kit = new PublishingKit(SociusApp.shared(store), SERVER, 2)) {
      JsonNode post = kit.post("""
          {"channels": ["%s", "%s"], "text": "Hello from Socius", "action": "now"}""".formatted(kit.channels.get(0), kit.channels.get(1)));
      JsonNode done = kit.await(post.path("id").asString(), PublishingKit.state("published"), Duration.ofSeconds(20));
      for (JsonNode d : done.path("deliveries")) {
        var requests = SERVER.requests().stream().filter(r -> r.idempotencyKey().startsWith(d.path("id").asString())).toList();
        assertThat(requests).as("requests for delivery " + d.path("id")).hasSize(1);
        assertThat(d.path("url").asString()).isEqualTo(SERVER.status(requests.get(0).statusId()).orElseThrow().url());
        assertThat(d.path("attempts").asInt()).isEqualTo(1);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aPostScheduledAtATimeGoesOutAtThatTimeAndNotBefore(Store store) {
    try (var kit = new PublishingKit(SociusApp.shared(store), SERVER, 1)) {
      Instant at = Instant.now().plusSeconds(3);
      JsonNode post = kit.post("""
          {"channels": ["%s"], "text": "At three seconds", "action": "at", "at": "%s"}""".formatted(kit.channels.get(0), at));
      String deliveryId = post.path("deliveries").get(0).path("id").asString();
      assertThat(post.path("deliveries").get(0).path("state").asString()).isEqualTo("scheduled");
      assertThat(Instant.parse(post.path("deliveries").get(0).path("dueAt").asString())).isEqualTo(at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
      JsonNode done = kit.await(post.path("id").asString(), PublishingKit.state("published"), Duration.ofSeconds(20));
      var request = SERVER.requests().stream().filter(r -> r.idempotencyKey().startsWith(deliveryId)).findFirst().orElseThrow();
      assertThat(request.receivedAt()).as("sent at or after its time").isAfterOrEqualTo(at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
      assertThat(Instant.parse(done.path("deliveries").get(0).path("publishedAt").asString())).isAfterOrEqualTo(request.receivedAt());
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aPostLaterThanTheMissedWindowWaitsForADecisionInsteadOfGoingOutStale(Store store) {
    SociusApp app = SociusApp.shared(store);
    try (var kit = new PublishingKit(app, SERVER, 1)) {
      Instant at = Instant.now().plusSeconds(60);
      JsonNode post = kit.post("""
          {"channels": ["%s"], "text": "Stale news", "action": "at", "at": "%s"}""".formatted(kit.channels.get(0), at));
      String deliveryId = post.path("deliveries").get(0).path("id").asString();
      // Socius was down: the post's time passed two hours ago when its execution finally runs
      long twoHoursAgo = Instant.now().minus(Duration.ofHours(2)).toEpochMilli();
      app.bean(JdbcClient.class).sql("UPDATE deliveries SET due_at = :t WHERE id = :id").param("t", twoHoursAgo).param("id", deliveryId)
          .update();
      app.bean(SchedulerClient.class).reschedule(TaskInstanceId.of("publish-delivery", deliveryId), Instant.now());
      kit.await(post.path("id").asString(), PublishingKit.state("missed"), Duration.ofSeconds(20));
      assertThat(SERVER.requests().stream().filter(r -> r.idempotencyKey().startsWith(deliveryId))).isEmpty();

      var attention = kit.api("GET", "/attention", null);
      assertThat(attention.body()).contains(deliveryId);
      assertThat(kit.api("POST", "/deliveries/" + deliveryId + "/retry", null).status()).isEqualTo(204);
      kit.await(post.path("id").asString(), PublishingKit.state("published"), Duration.ofSeconds(20));
      assertThat(SERVER.requests().stream().filter(r -> r.idempotencyKey().startsWith(deliveryId))).hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void underApprovalAnEditorsPostWaitsForAnOwnerAndNothingUnapprovedGoesOut(Store store) {
    try (var kit = new PublishingKit(SociusApp.shared(store), SERVER, 1)) {
      assertThat(kit.api("PATCH", "/publishing-settings", "{\"approvalRequired\": true}").status()).isEqualTo(200);
      Teams.Person editor = kit.team.join("editor");
      String editorToken = kit.team.token(editor, "editor");
      var created = editor.web().api("POST", kit.base() + "/posts", editorToken, """
          {"channels": ["%s"], "text": "Please approve me", "action": "now"}""".formatted(kit.channels.get(0)));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      JsonNode post = PublishingKit.JSON.readTree(created.body());
      String postId = post.path("id").asString();
      assertThat(post.path("stage").asString()).isEqualTo("pending");
      assertThat(post.path("deliveries").get(0).path("state").asString()).isEqualTo("waiting");

      var approveByEditor = editor.web().api("POST", kit.base() + "/posts/" + postId + "/approve", editorToken, null);
      assertThat(approveByEditor.status()).isEqualTo(403);
      PublishingKit.sleep(1500);
      String deliveryId = post.path("deliveries").get(0).path("id").asString();
      assertThat(SERVER.requests().stream().filter(r -> r.idempotencyKey().startsWith(deliveryId))).as("nothing unapproved").isEmpty();

      assertThat(kit.api("POST", "/posts/" + postId + "/comments", "{\"note\": \"Looks good\"}").status()).isEqualTo(201);
      var approved = kit.api("POST", "/posts/" + postId + "/approve", null);
      assertThat(approved.status()).as(approved.body()).isEqualTo(200);
      kit.await(postId, PublishingKit.state("published"), Duration.ofSeconds(20));
      assertThat(kit.api("GET", "/posts/" + postId + "/comments", null).body()).contains("Looks good").contains("approved");
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aChannelThatNeedsReconnectingHoldsItsPostsAndTellsTheOwners(Store store) {
    SociusApp app = SociusApp.shared(store);
    try (var kit = new PublishingKit(app, SERVER, 1)) {
      SERVER.failNext(1, 401);
      JsonNode post = kit.post("""
          {"channels": ["%s"], "text": "Held, not dropped", "action": "now"}""".formatted(kit.channels.get(0)));
      JsonNode held = kit.await(post.path("id").asString(), d -> d.path("error").asString().startsWith("Waiting"), Duration.ofSeconds(20));
      assertThat(held.path("deliveries").get(0).path("state").asString()).isEqualTo("scheduled");
      int notices = app.bean(JdbcClient.class).sql("SELECT COUNT(*) FROM owner_notifications WHERE workspace_id = :ws AND kind = 'posts-held'")
          .param("ws", kit.team.workspaceId()).query(Integer.class).single();
      assertThat(notices).isEqualTo(1);

      // connected again, the held post goes at once (not at its next look-in minutes later)
      kit.reconnect(0);
      kit.await(post.path("id").asString(), PublishingKit.state("published"), Duration.ofSeconds(20));
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aRateLimitedPostWaitsForRetryAfterAndThenGoesOutOnce(Store store) {
    try (var kit = new PublishingKit(SociusApp.shared(store), SERVER, 1)) {
      SERVER.failNext(1, 429, 2);
      JsonNode post = kit.post("""
          {"channels": ["%s"], "text": "After the rate limit", "action": "now"}""".formatted(kit.channels.get(0)));
      String deliveryId = post.path("deliveries").get(0).path("id").asString();
      JsonNode done = kit.await(post.path("id").asString(), PublishingKit.state("published"), Duration.ofSeconds(30));
      var requests = SERVER.requests().stream().filter(r -> r.idempotencyKey().startsWith(deliveryId)).toList();
      assertThat(requests).hasSize(2);
      assertThat(requests.get(0).httpStatus()).isEqualTo(429);
      assertThat(Duration.between(requests.get(0).receivedAt(), requests.get(1).receivedAt())).as("Retry-After: 2 obeyed")
          .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
      assertThat(SERVER.createdPerKey().get(MastodonStatuses.key(requests.get(1).token(), requests.get(1).idempotencyKey()))).isEqualTo(1);
      assertThat(done.path("deliveries").get(0).path("attempts").asInt()).isBetween(1, 2);
    }
  }
}
