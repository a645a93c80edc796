package org.socius.networks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.networks.internal.SyncChannel;
import org.socius.platform.DomainException;
import org.socius.testing.BlueskyNetwork;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.socius.testing.Teams;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A Bluesky account on the local reference network, connected through the Channels page. */
public class BlueskyChannelTest {

  private static final Map<Store, SociusApp> APPS = new EnumMap<>(Store.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  public static synchronized SociusApp app(Store store) {
    BlueskyNetwork net = BlueskyNetwork.get();
    return APPS.computeIfAbsent(store, s -> {
      var props = new java.util.HashMap<>(net.sociusProperties());
      props.put("socius.networks.sync-interval", "1h");
      props.put("socius.networks.follower-relist-interval", "0s"); // every sync reads the whole follower list again
      SociusApp app = SociusApp.start(s, props);
      app.bean(org.socius.team.Accounts.class).createUser("Installer", "installer@socius.test", "installer-password-1");
      Runtime.getRuntime().addShutdownHook(new Thread(app::close));
      return app;
    });
  }

  /** A workspace with our Bluesky account connected. */
  public record Connected(SociusApp app, Teams.Team team, BlueskyNetwork.Account me, String channelId) {
    public List<JsonNode> events(String type) {
      var r = team.owner().web().api("GET", "/api/v1/workspaces/" + team.workspaceId() + "/events?limit=200&type=" + type,
          team.ownerToken(), null);
      assertThat(r.status()).isEqualTo(200);
      var list = new java.util.ArrayList<JsonNode>();
      JSON.readTree(r.body()).path("items").forEach(list::add);
      return list;
    }

    public void sync() {
      app.bean(SyncChannel.class).sync(channelId);
    }

    public JsonNode channel() {
      var r = team.owner().web().api("GET", "/api/v1/workspaces/" + team.workspaceId() + "/channels", team.ownerToken(), null);
      for (JsonNode c : JSON.readTree(r.body()).path("items")) {
        if (c.path("id").asString().equals(channelId)) {
          return c;
        }
      }
      throw new AssertionError("channel not listed");
    }
  }

  public static Connected connect(Store store) {
    BlueskyNetwork net = BlueskyNetwork.get();
    SociusApp app = app(store);
    var team = Teams.create(app);
    var me = net.createAccount("brand");
    net.setProfile(me, "The Brand", "We make things.");
    String page = "/w/" + team.slug() + "/settings/channels";
    var answer = team.owner().web().post(page, page + "/bluesky", Map.of("identifier", me.handle(), "appPassword", net.appPassword(me)));
    assertThat(answer.status()).as(answer.body()).isEqualTo(302);
    var list = team.owner().web().api("GET", "/api/v1/workspaces/" + team.workspaceId() + "/channels", team.ownerToken(), null);
    JsonNode channel = JSON.readTree(list.body()).path("items").get(0);
    assertThat(channel.path("handle").asString()).isEqualTo(me.handle());
    return new Connected(app, team, me, channel.path("id").asString());
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aNewFollowerArrivesWithTheirBio(Store store) {
    BlueskyNetwork net = BlueskyNetwork.get();
    Connected c = connect(store);
    var fan = net.createAccount("fan");
    net.setProfile(fan, "Fan Person", "I read everything about #gardening and write poems.");
    net.follow(fan, c.me().did());

    JsonNode event = eventually(() -> {
      c.sync();
      return c.events("follower_gained").stream().filter(e -> e.path("actor").path("remoteId").asString().equals(fan.did()))
          .findFirst().orElse(null);
    });
    assertThat(event.path("actor").path("handle").asString()).isEqualTo(fan.handle());
    assertThat(event.path("actor").path("displayName").asString()).isEqualTo("Fan Person");
    assertThat(event.path("actor").path("bioText").asString()).isEqualTo("I read everything about #gardening and write poems.");
    assertThat(event.path("channelId").asString()).isEqualTo(c.channelId());
    // a second sync does not record it again
    c.sync();
    assertThat(c.events("follower_gained").stream().filter(e -> e.path("actor").path("remoteId").asString().equals(fan.did()))).hasSize(1);
    assertThat(c.channel().path("status").asString()).isEqualTo("connected");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void someoneWhoStopsFollowingIsAFollowerLost(Store store) {
    BlueskyNetwork net = BlueskyNetwork.get();
    Connected c = connect(store);
    var stays = net.createAccount("stays");
    var leaves = net.createAccount("leaves");
    net.setProfile(leaves, "Leaving Person", "Off to other things.");
    net.follow(stays, c.me().did());
    String follow = net.follow(leaves, c.me().did());
    eventually(() -> {
      c.sync();
      return c.events("follower_gained").size() >= 2 ? true : null;
    });
    net.deleteRecord(leaves, follow);

    JsonNode lost = eventually(() -> {
      c.sync();
      var list = c.events("follower_lost");
      return list.isEmpty() ? null : list.get(0);
    });
    assertThat(lost.path("actor").path("remoteId").asString()).isEqualTo(leaves.did());
    assertThat(lost.path("actor").path("handle").asString()).isEqualTo(leaves.handle());
    c.sync();
    assertThat(c.events("follower_lost")).hasSize(1);
    assertThat(c.channel().path("status").asString()).isEqualTo("connected");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void mentionsAndRepliesCarryTheirThread(Store store) {
    BlueskyNetwork net = BlueskyNetwork.get();
    Connected c = connect(store);
    var published = c.app().bean(Publisher.class).publish(c.team().workspaceId(), c.channelId(),
        OutgoingPost.text("Our first post"), "first-" + c.channelId());
    String ours = published.first().remoteId();
    JsonNode oursRecord = net.getRecord(ours);
    var friend = net.createAccount("friend");
    String mentionText = "Hello @" + c.me().handle() + " nice to meet you";
    int start = mentionText.indexOf('@');
    net.post(friend, mentionText, Map.of("facets", List.of(Map.of(
        "index", Map.of("byteStart", start, "byteEnd", start + 1 + c.me().handle().length()),
        "features", List.of(Map.of("$type", "app.bsky.richtext.facet#mention", "did", c.me().did()))))));
    var ref = Map.of("uri", ours, "cid", oursRecord.path("cid").asString());
    JsonNode reply = net.post(friend, "Congratulations!", Map.of("reply", Map.of("root", ref, "parent", ref)));

    JsonNode replied = eventually(() -> {
      c.sync();
      var list = c.events("replied");
      return list.isEmpty() ? null : list.get(0);
    });
    assertThat(replied.path("post").path("remoteId").asString()).isEqualTo(reply.path("uri").asString());
    assertThat(replied.path("post").path("text").asString()).isEqualTo("Congratulations!");
    assertThat(replied.path("post").path("inReplyTo").asString()).isEqualTo(ours);
    assertThat(replied.path("post").path("threadRoot").asString()).isEqualTo(ours);
    assertThat(replied.path("actor").path("remoteId").asString()).isEqualTo(friend.did());
    JsonNode mentioned = eventually(() -> {
      c.sync();
      var list = c.events("mentioned");
      return list.isEmpty() ? null : list.get(0);
    });
    assertThat(mentioned.path("post").path("text").asString()).isEqualTo(mentionText);
    assertThat(mentioned.path("post").path("url").asString()).startsWith("https://bsky.app/profile/");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void publishesLinksMentionsAndImagesWithFacets(Store store) throws Exception {
    BlueskyNetwork net = BlueskyNetwork.get();
    Connected c = connect(store);
    var friend = net.createAccount("pal");
    String text = "Café notes ☕ by @" + friend.handle() + " at https://example.org/notes?x=1 #coffee";
    var post = new OutgoingPost(List.of(text), List.of(new OutgoingPost.Image(png(), "image/png", "A small green square")), null, "public");

    var published = c.app().bean(Publisher.class).publish(c.team().workspaceId(), c.channelId(), post, "rich-" + c.channelId());

    JsonNode record = net.getRecord(published.first().remoteId()).path("value");
    assertThat(record.path("text").asString()).isEqualTo(text);
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    Map<String, String> features = new java.util.HashMap<>();
    for (JsonNode facet : record.path("facets")) {
      int from = facet.path("index").path("byteStart").asInt();
      int to = facet.path("index").path("byteEnd").asInt();
      String covered = new String(utf8, from, to - from, StandardCharsets.UTF_8);
      JsonNode feature = facet.path("features").get(0);
      features.put(feature.path("$type").asString(), covered);
      if (feature.path("$type").asString().endsWith("#mention")) {
        assertThat(feature.path("did").asString()).isEqualTo(friend.did());
      }
      if (feature.path("$type").asString().endsWith("#link")) {
        assertThat(feature.path("uri").asString()).isEqualTo("https://example.org/notes?x=1");
      }
    }
    assertThat(features).containsEntry("app.bsky.richtext.facet#mention", "@" + friend.handle())
        .containsEntry("app.bsky.richtext.facet#link", "https://example.org/notes?x=1")
        .containsEntry("app.bsky.richtext.facet#tag", "#coffee");
    JsonNode image = record.path("embed").path("images").get(0);
    assertThat(image.path("alt").asString()).isEqualTo("A small green square");
    assertThat(image.path("image").path("mimeType").asString()).isEqualTo("image/png");
    assertThat(image.path("aspectRatio").path("width").asInt()).isEqualTo(8);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void theSameIdempotencyKeyPublishesOnce(Store store) {
    BlueskyNetwork net = BlueskyNetwork.get();
    Connected c = connect(store);
    Publisher publisher = c.app().bean(Publisher.class);
    var first = publisher.publish(c.team().workspaceId(), c.channelId(), OutgoingPost.text("Only once"), "once-" + c.channelId());
    // forget what Socius remembered, so that the second attempt must ask the network
    c.app().bean(JdbcClient.class).sql("DELETE FROM published_parts WHERE channel_id = :c").param("c", c.channelId()).update();
    var second = publisher.publish(c.team().workspaceId(), c.channelId(), OutgoingPost.text("Only once"), "once-" + c.channelId());
    assertThat(second.first().remoteId()).isEqualTo(first.first().remoteId());
    assertThat(net.postCount(c.me())).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aLostAnswerAfterThePdsAcceptedThePostStillMakesOnePost(Store store) throws Exception {
    BlueskyNetwork net = BlueskyNetwork.get();
    Connected c = connect(store);
    var vault = c.app().bean(org.socius.networks.internal.CredentialVault.class);
    var channels = c.app().bean(org.socius.networks.internal.ChannelStore.class);
    try (var proxy = new DroppingProxy(net.pds(), "com.atproto.repo.putRecord", 1)) {
      var credentials = new java.util.HashMap<>(vault.open(c.channelId(), channels.syncState(c.channelId()).sealedCredentials()));
      credentials.put("pds", proxy.url());
      channels.replaceCredentials(c.channelId(), vault.seal(c.channelId(), credentials));

      var published = c.app().bean(Publisher.class).publish(c.team().workspaceId(), c.channelId(),
          OutgoingPost.text("Through a lossy network"), "lossy-" + c.channelId());

      assertThat(net.postCount(c.me())).isEqualTo(1);
      assertThat(net.getRecord(published.first().remoteId()).path("value").path("text").asString()).isEqualTo("Through a lossy network");
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aThreadIsAReplyChainThatResumesWhereItStopped(Store store) throws Exception {
    BlueskyNetwork net = BlueskyNetwork.get();
    Connected c = connect(store);
    var vault = c.app().bean(org.socius.networks.internal.CredentialVault.class);
    var channels = c.app().bean(org.socius.networks.internal.ChannelStore.class);
    var thread = new OutgoingPost(List.of("1/3 A thread", "2/3 goes on", "3/3 and ends"), List.of(), null, "public");
    var original = vault.open(c.channelId(), channels.syncState(c.channelId()).sealedCredentials());
    try (var proxy = new DroppingProxy(net.pds(), "com.atproto.repo.putRecord", 1, 1, 400)) {
      var viaProxy = new java.util.HashMap<>(original);
      viaProxy.put("pds", proxy.url());
      channels.replaceCredentials(c.channelId(), vault.seal(c.channelId(), viaProxy));
      assertThatThrownBy(() -> c.app().bean(Publisher.class).publish(c.team().workspaceId(), c.channelId(), thread, "thread-" + c.channelId()))
          .isInstanceOf(PublishFailure.class);
      assertThat(net.postCount(c.me())).as("the first part went out before the failure").isEqualTo(1);
      var now = vault.open(c.channelId(), channels.syncState(c.channelId()).sealedCredentials());
      var direct = new java.util.HashMap<>(now);
      direct.put("pds", original.get("pds"));
      channels.replaceCredentials(c.channelId(), vault.seal(c.channelId(), direct));
    }
    var published = c.app().bean(Publisher.class).publish(c.team().workspaceId(), c.channelId(), thread, "thread-" + c.channelId());

    assertThat(net.postCount(c.me())).isEqualTo(3);
    String first = published.parts().get(0).remoteId();
    JsonNode second = net.getRecord(published.parts().get(1).remoteId()).path("value");
    JsonNode third = net.getRecord(published.parts().get(2).remoteId()).path("value");
    assertThat(second.path("text").asString()).isEqualTo("2/3 goes on");
    assertThat(second.path("reply").path("root").path("uri").asString()).isEqualTo(first);
    assertThat(second.path("reply").path("parent").path("uri").asString()).isEqualTo(first);
    assertThat(third.path("reply").path("root").path("uri").asString()).isEqualTo(first);
    assertThat(third.path("reply").path("parent").path("uri").asString()).isEqualTo(published.parts().get(1).remoteId());
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void tooLongPostsAreRefusedBeforeAnythingIsSent(Store store) {
    BlueskyNetwork net = BlueskyNetwork.get();
    Connected c = connect(store);
    Publisher publisher = c.app().bean(Publisher.class);
    String text = "é".repeat(301);
    assertThatThrownBy(() -> publisher.publish(c.team().workspaceId(), c.channelId(), OutgoingPost.text(text), "long"))
        .isInstanceOf(DomainException.Invalid.class).hasMessageContaining("301").hasMessageContaining("300");

    PostRules rules = publisher.rules(c.team().workspaceId(), c.channelId());
    assertThat(rules).isEqualTo(new PostRules(Network.BLUESKY, 300, 0, 4, 1_000_000,
        java.util.Set.of("image/jpeg", "image/png", "image/gif", "image/webp")));
    assertThat(rules.length("https://example.org/" + "a".repeat(30))).as("a URL counts as written").isEqualTo(50);
    publisher.check(c.team().workspaceId(), c.channelId(), OutgoingPost.text("é".repeat(300)));
    assertThatThrownBy(() -> publisher.check(c.team().workspaceId(), c.channelId(), OutgoingPost.text(text)))
        .isInstanceOfSatisfying(DomainException.Invalid.class, e -> assertThat(e.field()).isEqualTo("text"));
    assertThat(net.postCount(c.me())).isZero();
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void anExpiredAccessTokenIsRefreshedTransparently(Store store) throws InterruptedException {
    BlueskyNetwork net = BlueskyNetwork.get();
    Connected c = connect(store);
    JdbcClient jdbc = c.app().bean(JdbcClient.class);
    String sealedBefore = jdbc.sql("SELECT credentials FROM channels WHERE id = :id").param("id", c.channelId()).query(String.class).single();
    Thread.sleep((net.accessTokenTtlSeconds() + 2) * 1000);
    var published = c.app().bean(Publisher.class).publish(c.team().workspaceId(), c.channelId(), OutgoingPost.text("Still here"),
        "refresh-" + c.channelId());
    assertThat(published.first().remoteId()).startsWith("at://" + c.me().did());
    String sealedAfter = jdbc.sql("SELECT credentials FROM channels WHERE id = :id").param("id", c.channelId()).query(String.class).single();
    assertThat(sealedAfter).as("the rotated tokens were stored").isNotEqualTo(sealedBefore);
    c.sync();
    assertThat(c.channel().path("status").asString()).isEqualTo("connected");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void revokedCredentialsTurnTheChannelToNeedsReconnectAndTellTheOwners(Store store) throws InterruptedException {
    BlueskyNetwork net = BlueskyNetwork.get();
    SociusApp app = app(store);
    var team = Teams.create(app);
    var me = net.createAccount("revoked");
    String appPassword = net.appPassword(me);
    String page = "/w/" + team.slug() + "/settings/channels";
    assertThat(team.owner().web().post(page, page + "/bluesky", Map.of("identifier", me.handle(), "appPassword", appPassword)).status())
        .isEqualTo(302);
    var list = team.owner().web().api("GET", "/api/v1/workspaces/" + team.workspaceId() + "/channels", team.ownerToken(), null);
    String channelId = JSON.readTree(list.body()).path("items").get(0).path("id").asString();
    // the person revokes every app password of the account on Bluesky
    var session = net.session(me);
    for (JsonNode p : net.call("GET", "com.atproto.server.listAppPasswords", session.accessJwt(), null).path("passwords")) {
      net.call("POST", "com.atproto.server.revokeAppPassword", session.accessJwt(), Map.of("name", p.path("name").asString()));
    }
    Thread.sleep((net.accessTokenTtlSeconds() + 1) * 1000);

    assertThat(app.bean(SyncChannel.class).sync(channelId)).as("no further sync is scheduled").isNull();

    var channel = JSON.readTree(team.owner().web().api("GET", "/api/v1/workspaces/" + team.workspaceId() + "/channels",
        team.ownerToken(), null).body()).path("items").get(0);
    assertThat(channel.path("status").asString()).isEqualTo("needs_reconnect");
    assertThat(channel.path("statusDetail").asString()).isNotBlank();
    assertThat(team.owner().web().get(page).body()).contains("Needs to be connected again");
    long notices = app.bean(JdbcClient.class).sql("SELECT COUNT(*) FROM owner_notifications WHERE workspace_id = :ws AND subject_id = :c")
        .param("ws", team.workspaceId()).param("c", channelId).query(Long.class).single();
    assertThat(notices).isEqualTo(1);
    assertThatThrownBy(() -> app.bean(Publisher.class).publish(team.workspaceId(), channelId, OutgoingPost.text("x"), "k"))
        .isInstanceOf(PublishFailure.class).hasMessageContaining("connected again");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void disconnectingEndsTheSessionOnTheNetworkAndErasesTheSecrets(Store store) {
    BlueskyNetwork net = BlueskyNetwork.get();
    Connected c = connect(store);
    var vault = c.app().bean(org.socius.networks.internal.CredentialVault.class);
    var channels = c.app().bean(org.socius.networks.internal.ChannelStore.class);
    String refresh = vault.open(c.channelId(), channels.syncState(c.channelId()).sealedCredentials()).get("refreshJwt");
    String page = "/w/" + c.team().slug() + "/settings/channels";

    assertThat(c.team().owner().web().post(page, page + "/" + c.channelId() + "/disconnect", Map.of()).status()).isEqualTo(302);

    assertThat(channels.syncState(c.channelId()).sealedCredentials()).isEmpty();
    assertThat(c.channel().path("status").asString()).isEqualTo("disconnected");
    assertThatThrownBy(() -> net.call("POST", "com.atproto.server.refreshSession", refresh, null))
        .hasMessageContaining("400"); // the PDS no longer knows the session
    assertThat(c.app().bean(SyncChannel.class).sync(c.channelId())).isNull();
  }

  static <T> T eventually(Supplier<T> probe) {
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
    throw new AssertionError("not within 30 s");
  }

  static byte[] png() throws java.io.IOException {
    var image = new java.awt.image.BufferedImage(8, 6, java.awt.image.BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(java.awt.Color.GREEN);
    g.fillRect(0, 0, 8, 6);
    g.dispose();
    var out = new ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
