package org.socius.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.testing.ChildNode;
import org.socius.testing.MastodonStatuses;
import org.socius.testing.Postgres;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The worst moment for a crash: the network has accepted the post and the node dies (SIGKILL)
 * before it records that. The node started again finds the delivery claimed by a dead node,
 * runs it again with the same idempotency key, and the network returns the post it has: the
 * post exists once and the delivery says where, without anyone being asked.
 */
class CrashRecoveryTest {

  /** Fast heartbeats so that the dead node's claim is noticed within seconds. */
  private static final Map<String, String> FAST = Map.of("db-scheduler.heartbeat-interval", "1s",
      "db-scheduler.polling-interval", "200ms", "socius.networks.sync-interval", "1h", "socius.publishing.reconcile-interval", "1s");

  @ParameterizedTest
  @EnumSource(Store.class)
  void aNodeKilledBetweenTheNetworksAcceptAndItsOwnCommitPublishesOnceAfterRestart(Store store) throws Exception {
    String db = store == Store.POSTGRES ? Postgres.freshDatabase() : null;
    Path dir = java.nio.file.Files.createTempDirectory("socius-crash");
    try (MastodonStatuses server = new MastodonStatuses()) {
      // set up with an ordinary node: a team, a channel, and a post due in a few seconds
      SociusApp first = SociusApp.startOn(db, dir, FAST);
      var kit = new PublishingKit(first, server, 1);
      JsonNode post = kit.post("""
          {"channels": ["%s"], "text": "Exactly once, crash or not", "action": "at", "at": "%s"}"""
          .formatted(kit.channels.get(0), Instant.now().plusSeconds(20)));
      String path = kit.base() + "/posts/" + post.path("id").asString();
      String deliveryId = post.path("deliveries").get(0).path("id").asString();
      // a second post whose execution went missing (say, a restore from an older backup)
      JsonNode orphan = kit.post("""
          {"channels": ["%s"], "text": "Found again by the reconciler", "action": "at", "at": "%s"}"""
          .formatted(kit.channels.get(0), Instant.now().plusSeconds(25)));
      String orphanId = orphan.path("deliveries").get(0).path("id").asString();
      assertThat(first.bean(JdbcClient.class).sql("DELETE FROM scheduled_tasks WHERE task_instance = :id").param("id", orphanId).update())
          .isEqualTo(1);
      first.close();

      // both answers are held (a slow start may make the orphan due as well); the network makes each status first
      server.hangNext(2);
      try (ChildNode node = ChildNode.start(db, dir, FAST)) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (server.requests().stream().noneMatch(r -> r.idempotencyKey() != null && r.idempotencyKey().startsWith(deliveryId))
            && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        node.kill();
      }
      // the network made the hung post before the kill (a slow start may have sent the orphan too: it is checked below)
      assertThat(server.statuses().stream().filter(st -> st.idempotencyKey().startsWith(deliveryId)).count()).isEqualTo(1);

      SociusApp again = SociusApp.startOn(db, dir, FAST);
      try {
        server.release();
        JsonNode delivery = awaitPublished(again, path, kit.team.ownerToken());
        var requests = server.requests().stream().filter(r -> r.idempotencyKey().startsWith(deliveryId)).toList();
        assertThat(requests).as("the first request and the retry").hasSizeGreaterThanOrEqualTo(2);
        assertThat(requests).allMatch(r -> r.idempotencyKey().equals(requests.get(0).idempotencyKey()));
        assertThat(server.createdPerKey().values()).containsOnly(1);
        assertThat(server.duplicates()).isZero();
        assertThat(delivery.path("url").asString()).isEqualTo(server.status(requests.get(0).statusId()).orElseThrow().url());
        assertThat(delivery.path("attempts").asInt()).isGreaterThanOrEqualTo(2);
        awaitPublished(again, kit.base() + "/posts/" + orphan.path("id").asString(), kit.team.ownerToken());
        assertThat(server.statuses().stream().filter(st -> st.idempotencyKey().startsWith(orphanId)).count()).isEqualTo(1);
      } finally {
        again.close();
      }
    }
  }

  private static JsonNode awaitPublished(SociusApp app, String path, String token) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonNode delivery = null;
    while (System.nanoTime() < deadline) {
      var r = app.session().api("GET", path, token, null);
      delivery = PublishingKit.JSON.readTree(r.body()).path("deliveries").get(0);
      if ("published".equals(delivery.path("state").asString())) {
        return delivery;
      }
      PublishingKit.sleep(200);
    }
    throw new AssertionError("not settled: " + delivery);
  }
}
