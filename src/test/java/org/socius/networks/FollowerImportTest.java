package org.socius.networks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.networks.internal.SyncChannel;
import org.socius.testing.BlueskyNetwork;
import org.socius.testing.Store;
import org.socius.testing.Teams;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Connecting an account imports all its existing followers, page by page (here more than one
 * page of 100), as backfill; a follower who comes later is a new follower.
 */
class FollowerImportTest {

  static final int FOLLOWERS = 130;
  private static BlueskyNetwork.Account popular;

  static synchronized BlueskyNetwork.Account popular() {
    if (popular == null) {
      BlueskyNetwork net = BlueskyNetwork.get();
      popular = net.createAccount("popular");
      for (int i = 0; i < FOLLOWERS; i++) {
        net.follow(net.createAccount("f" + i), popular.did());
      }
    }
    return popular;
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void allExistingFollowersAreImportedAsBackfill(Store store) {
    BlueskyNetwork net = BlueskyNetwork.get();
    var account = popular();
    var app = BlueskyChannelTest.app(store);
    var team = Teams.create(app);
    String page = "/w/" + team.slug() + "/settings/channels";
    assertThat(team.owner().web().post(page, page + "/bluesky", Map.of("identifier", account.handle(), "appPassword", net.appPassword(account)))
        .status()).isEqualTo(302);
    JsonMapper json = JsonMapper.builder().build();
    String api = "/api/v1/workspaces/" + team.workspaceId();
    JsonNode channel = json.readTree(team.owner().web().api("GET", api + "/channels", team.ownerToken(), null).body()).path("items").get(0);
    String channelId = channel.path("id").asString();
    JsonNode done = BlueskyChannelTest.eventually(() -> {
      app.bean(SyncChannel.class).sync(channelId);
      JsonNode c = json.readTree(team.owner().web().api("GET", api + "/channels", team.ownerToken(), null).body()).path("items").get(0);
      return c.path("importDone").asBoolean() ? c : null;
    });
    long followers = net.followersCount(account); // the run on the other store added a follower
    assertThat(followers).isGreaterThanOrEqualTo(FOLLOWERS);
    assertThat(done.path("followersImported").asLong()).isEqualTo(followers);
    int backfill = 0;
    String cursor = "";
    do {
      JsonNode events = json.readTree(team.owner().web().api("GET", api + "/events?type=follower_gained&limit=100&cursor=" + cursor,
          team.ownerToken(), null).body());
      for (JsonNode e : events.path("items")) {
        assertThat(e.path("backfill").asBoolean()).isTrue();
        backfill++;
      }
      cursor = events.path("next").isNull() ? null : events.path("next").asString();
    } while (cursor != null);
    assertThat(backfill).isEqualTo(followers);
    assertThat(team.owner().web().get(page).body()).contains(followers + " followers");

    var newcomer = net.createAccount("newcomer");
    net.follow(newcomer, account.did());
    JsonNode fresh = BlueskyChannelTest.eventually(() -> {
      app.bean(SyncChannel.class).sync(channelId);
      for (JsonNode e : json.readTree(team.owner().web().api("GET", api + "/events?type=follower_gained&limit=200", team.ownerToken(), null)
          .body()).path("items")) {
        if (e.path("actor").path("remoteId").asString().equals(newcomer.did())) {
          return e;
        }
      }
      return null;
    });
    assertThat(fresh.path("backfill").asBoolean()).isFalse();

    // the people capability made each follower a person with that one account and a "followed" interaction
    JsonNode figures = json.readTree(team.owner().web().api("GET", api + "/people/figures", team.ownerToken(), null).body());
    assertThat(figures.path("people").asLong()).isEqualTo(followers + 1);
    JsonNode people = json.readTree(team.owner().web().api("GET", api + "/people?q=" + newcomer.handle(), team.ownerToken(), null)
        .body()).path("items");
    assertThat(people).hasSize(1);
    assertThat(people.get(0).path("accounts").get(0).path("remoteId").asString()).isEqualTo(newcomer.did());
    JsonNode timeline = json.readTree(team.owner().web().api("GET", api + "/people/" + people.get(0).path("id").asString()
        + "/interactions", team.ownerToken(), null).body());
    assertThat(timeline).hasSize(1);
    assertThat(timeline.get(0).path("kind").asString()).isEqualTo("followed");
  }
}
