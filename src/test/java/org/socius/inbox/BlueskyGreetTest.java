package org.socius.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.networks.BlueskyChannelTest;
import org.socius.testing.BlueskyNetwork;
import org.socius.testing.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Greeting end to end on the local Bluesky network: an account with a bio follows; its greet
 * card shows the bio, starters and its post; a person writes a reply and presses Send; the reply
 * is on the network exactly once, in the follower's thread, and is logged as a greeting.
 */
class BlueskyGreetTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @ParameterizedTest
  @EnumSource(Store.class)
  void aFollowerWithABioIsGreetedWithAReplyThatAppearsOnce(Store store) {
    BlueskyNetwork net = BlueskyNetwork.get();
    var c = BlueskyChannelTest.connect(store);
    c.sync(); // the account's first import: nobody follows yet
    var fan = net.createAccount("greeted");
    net.setProfile(fan, "Greta Field", "Bell ringer | #urbanGardening | https://greta.example");
    String theirPost = net.post(fan, "First time ringing the tenor bell today!", Map.of()).path("uri").asString();
    net.follow(fan, c.me().did());

    String api = "/api/v1/workspaces/" + c.team().workspaceId() + "/greet-cards";
    String cardId = eventually(() -> {
      c.sync();
      var items = get(c, api).path("items");
      return items.isEmpty() ? null : items.get(0).path("id").asString();
    });
    JsonNode card = eventually(() -> {
      JsonNode v = get(c, api + "/" + cardId);
      return v.path("latestPosts").isEmpty() ? null : v; // the AppView indexes the post a moment later
    });
    assertThat(card.path("card").path("bio").asString()).isEqualTo("Bell ringer | #urbanGardening | https://greta.example");
    assertThat(card.path("starters").get(0).asString()).isEqualTo("What got you into urban gardening?");
    assertThat(card.path("latestPosts").get(0).path("remoteId").asString()).isEqualTo(theirPost);
    assertThat(card.path("directPossible").asBoolean()).isFalse();

    var web = c.team().owner().web();
    String page = "/w/" + c.team().slug() + "/inbox/greet/" + cardId;
    assertThat(web.get(page).body()).contains("What got you into urban gardening?").contains("<mark>Bell ringer</mark>");
    String text = "Welcome, Greta! Congratulations on the tenor. What got you into urban gardening?";
    var sent = web.post(page, page + "/send", Map.of("text", text, "how", "reply", "replyTo", theirPost));
    assertThat(sent.status()).as(sent.body()).isEqualTo(302);
    assertThat(web.post(page, page + "/send", Map.of("text", text, "how", "reply", "replyTo", theirPost)).status()).isEqualTo(409);

    JsonNode records = net.call("GET", "com.atproto.repo.listRecords?repo=" + c.me().did() + "&collection=app.bsky.feed.post&limit=100",
        null, null);
    int copies = 0;
    for (JsonNode r : records.path("records")) {
      if (r.path("value").path("text").asString().equals(text)) {
        copies++;
        assertThat(r.path("value").path("reply").path("parent").path("uri").asString()).isEqualTo(theirPost);
        assertThat(r.path("value").path("reply").path("root").path("uri").asString()).isEqualTo(theirPost);
      }
    }
    assertThat(copies).as("copies of the greeting on the network").isEqualTo(1);
    var logged = c.app().bean(JdbcClient.class).sql("""
        SELECT i.direction || ':' || i.kind FROM interactions i JOIN person_identities p ON p.person_id = i.person_id
         WHERE i.workspace_id = :ws AND p.remote_id = :did ORDER BY i.occurred_at, i.id""")
        .param("ws", c.team().workspaceId()).param("did", fan.did()).query(String.class).list();
    assertThat(logged).contains("in:followed", "out:greeted");
  }

  private static JsonNode get(BlueskyChannelTest.Connected c, String path) {
    var r = c.team().owner().web().api("GET", path, c.team().ownerToken(), null);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static <T> T eventually(Supplier<T> probe) {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("not in time");
  }
}
