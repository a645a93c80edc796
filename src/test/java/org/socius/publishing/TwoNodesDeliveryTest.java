package org.socius.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.socius.testing.MastodonStatuses;
import org.socius.testing.Postgres;
import org.socius.testing.SociusApp;
import tools.jackson.databind.JsonNode;

/** Two nodes on one PostgreSQL database share the due posts: each goes out once, none is lost. */
class TwoNodesDeliveryTest {

  @Test
  void twoNodesDeliverEveryPostExactlyOnce() {
    String db = Postgres.freshDatabase();
    SociusApp a = SociusApp.startOn(db, props("node-a"));
    SociusApp b = SociusApp.startOn(db, props("node-b"));
    try (MastodonStatuses server = new MastodonStatuses().latency(Duration.ofMillis(50));
        var kit = new PublishingKit(a, server, 4)) {
      Instant start = Instant.now().plusSeconds(3);
      List<String> posts = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String channel = kit.channels.get(i % 4);
        JsonNode post = kit.post("""
            {"channels": ["%s"], "text": "Post %d", "action": "at", "at": "%s"}""".formatted(channel, i, start.plusMillis(100L * i)));
        posts.add(post.path("id").asString());
      }
      for (String id : posts) {
        kit.await(id, PublishingKit.state("published"), Duration.ofSeconds(60));
      }
      assertThat(server.created()).isEqualTo(40);
      assertThat(server.duplicates()).isZero();
      Map<String, Long> perKey = new HashMap<>();
      server.requests().forEach(r -> perKey.merge(r.idempotencyKey(), 1L, Long::sum));
      assertThat(perKey.values()).as("no key was sent twice").containsOnly(1L);
    } finally {
      b.close();
      a.close();
    }
  }

  private static Map<String, String> props(String node) {
    return Map.of("socius.node-name", node, "db-scheduler.polling-interval", "200ms", "socius.networks.sync-interval", "1h");
  }
}
