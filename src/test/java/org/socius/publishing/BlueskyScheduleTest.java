package org.socius.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.networks.BlueskyChannelTest;
import org.socius.testing.BlueskyNetwork;
import org.socius.testing.Store;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scheduling end to end on the local Bluesky network: posts set a few seconds ahead go out at
 * their time, each exactly once, and the delivery records where it landed.
 */
class BlueskyScheduleTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @ParameterizedTest
  @EnumSource(Store.class)
  void threePostsScheduledSecondsAheadEachAppearOnceAtTheirTime(Store store) throws InterruptedException {
    BlueskyNetwork net = BlueskyNetwork.get();
    var c = BlueskyChannelTest.connect(store);
    String api = "/api/v1/workspaces/" + c.team().workspaceId() + "/posts";
    Instant start = Instant.now();
    List<String> texts = new ArrayList<>();
    List<Instant> times = new ArrayList<>();
    List<String> postIds = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      String text = "Scheduled post " + i + " of " + c.channelId();
      Instant at = start.plusSeconds(4 + 2L * i);
      var created = c.team().owner().web().api("POST", api, c.team().ownerToken(), """
          {"channels": ["%s"], "text": "%s", "action": "at", "at": "%s"}""".formatted(c.channelId(), text, at));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      texts.add(text);
      times.add(at);
      postIds.add(JSON.readTree(created.body()).path("id").asString());
    }

    for (int i = 0; i < 3; i++) {
      JsonNode delivery = awaitPublished(c, api + "/" + postIds.get(i));
      Instant publishedAt = Instant.parse(delivery.path("publishedAt").asString());
      assertThat(publishedAt).as("not before its time").isAfterOrEqualTo(times.get(i));
      assertThat(Duration.between(times.get(i), publishedAt)).as("at its time").isLessThan(Duration.ofSeconds(10));
      assertThat(delivery.path("url").asString()).startsWith("https://").contains("/post/");
    }
    JsonNode records = net.call("GET", "com.atproto.repo.listRecords?repo=" + c.me().did() + "&collection=app.bsky.feed.post&limit=100",
        null, null);
    for (String text : texts) {
      long copies = 0;
      for (JsonNode r : records.path("records")) {
        if (r.path("value").path("text").asString().equals(text)) {
          copies++;
        }
      }
      assertThat(copies).as("copies of \"" + text + "\" on the network").isEqualTo(1);
    }
  }

  private static JsonNode awaitPublished(BlueskyChannelTest.Connected c, String path) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonNode delivery = null;
    while (System.nanoTime() < deadline) {
      var r = c.team().owner().web().api("GET", path, c.team().ownerToken(), null);
      delivery = JSON.readTree(r.body()).path("deliveries").get(0);
      String state = delivery.path("state").asString();
      if (state.equals("published")) {
        return delivery;
      }
      assertThat(state).as(delivery.toString()).isIn("scheduled", "publishing", "unknown");
      Thread.sleep(200);
    }
    throw new AssertionError("not published in time: " + delivery);
  }
}
