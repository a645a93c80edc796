package org.socius.networks.internal.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.socius.networks.Channel;
import org.socius.networks.NetworkEvent;
import org.socius.networks.internal.ChannelRegistry;
import org.socius.networks.internal.EventStore;
import org.socius.networks.internal.Session;
import org.socius.networks.internal.SyncChannel;
import org.socius.team.Member;
import org.socius.team.Role;
import org.socius.testing.SociusApp;
import org.socius.testing.Teams;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A workspace with a Mastodon channel on a {@link FakeMastodon}, and ways to look at what Socius made of it. */
final class MastodonKit {

  final SociusApp app;
  final Teams.Team team;
  final Member owner;
  final FakeMastodon fake;
  final String token = "tok-" + UUID.randomUUID();
  Channel channel;

  MastodonKit(SociusApp app, FakeMastodon fake) {
    this.app = app;
    this.fake = fake;
    this.team = Teams.create(app);
    // what the web layer resolves for the signed-in owner of this workspace
    this.owner = new Member("member-of-test", team.workspaceId(), team.slug(), "Workspace", "user-of-test", "Owner Person",
        Role.OWNER, null);
    app.bean(MastodonAdapter.class).pause(Duration.ofMillis(20));
  }

  /** Connects with a pasted token and waits for the first sync, which starts on its own. */
  Channel connect() {
    channel = app.bean(ConnectMastodon.class).withToken(owner, fake.url(), token);
    awaitFirstSync();
    return channel();
  }

  void awaitFirstSync() {
    long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
    while (System.nanoTime() < deadline) {
      Channel c = channel();
      if (c.lastSyncAt() != null || c.status() != Channel.Status.CONNECTED) {
        return;
      }
      sleep(100);
    }
    throw new AssertionError("The first sync of " + channel.id() + " did not finish");
  }

  Channel channel() {
    return app.bean(ChannelRegistry.class).find(team.workspaceId(), channel.id()).orElseThrow();
  }

  /** One sync, as the scheduler runs it; returns when it wants to run next. */
  Instant sync() {
    return app.bean(SyncChannel.class).sync(channel.id());
  }

  List<NetworkEvent> events() {
    return app.bean(EventStore.class).page(team.workspaceId(), "", 10_000, null, channel.id());
  }

  Session session() {
    return new Session(channel.id(), Map.of("instance", fake.url(), "accessToken", token, "accountId", FakeMastodon.ME_ID));
  }

  JdbcClient jdbc() {
    return app.bean(JdbcClient.class);
  }

  String activityState() {
    return jdbc().sql("SELECT activity_state FROM channels WHERE id = :id").param("id", channel.id()).query(String.class).single();
  }

  /** Stops the channel's background sync so that it does not outlive the fake server. */
  void disconnect() {
    if (channel != null && channel().status() != Channel.Status.DISCONNECTED) {
      app.bean(ChannelRegistry.class).disconnect(owner, channel.id());
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static void assertAbout(Instant actual, Instant expected, Duration tolerance) {
    assertThat(Duration.between(expected, actual).abs()).as(actual + " close to " + expected).isLessThanOrEqualTo(tolerance);
  }
}
