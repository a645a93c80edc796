package org.socius.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socius.networks.Channel;
import org.socius.networks.OutgoingPost;
import org.socius.networks.PublishFailure;
import org.socius.networks.Published;
import org.socius.networks.Publisher;
import org.socius.networks.internal.ChannelRegistry;
import org.socius.networks.internal.mastodon.ConnectMastodon;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The statuses server through the real connect and publish paths of the app, two accounts on one server. */
class MastodonStatusesTest {

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

  private SociusApp app;
  private Teams.Team team;
  private Member owner;
  private MastodonStatuses server;
  private final String tokenA = "tok-" + Teams.unique("ann");
  private final String tokenB = "tok-" + Teams.unique("ben");
  private Channel a;
  private Channel b;

  @BeforeEach
  void connectTwoAccounts() {
    app = SociusApp.shared(Store.SQLITE);
    team = Teams.create(app);
    // what the web layer resolves for the signed-in owner of this workspace
    owner = new Member("member-of-test", team.workspaceId(), team.slug(), "Workspace", "user-of-test", "Owner Person", Role.OWNER, null);
    server = new MastodonStatuses();
    a = app.bean(ConnectMastodon.class).withToken(owner, server.url(), tokenA);
    b = app.bean(ConnectMastodon.class).withToken(owner, server.url(), tokenB);
  }

  @AfterEach
  void disconnect() {
    for (Channel c : new Channel[] {a, b}) {
      if (c != null) {
        app.bean(ChannelRegistry.class).disconnect(owner, c.id());
      }
    }
    if (server != null) {
      server.close();
    }
  }

  private Published publish(Channel channel, OutgoingPost post, String key) {
    return app.bean(Publisher.class).publish(team.workspaceId(), channel.id(), post, key);
  }

  /** As if the app crashed after the server accepted but before its own commit. */
  private void loseLocalCommit(Channel channel, String key) {
    app.bean(JdbcClient.class).sql("DELETE FROM published_parts WHERE channel_id = :c AND idempotency_key = :k")
        .param("c", channel.id()).param("k", key).update();
  }

  @Test
  void eachTokenIsItsOwnAccountAndTheFirstSyncSucceeds() {
    assertThat(a.handle()).isEqualTo("@" + MastodonStatuses.username(tokenA) + "@127.0.0.1");
    assertThat(b.handle()).isEqualTo("@" + MastodonStatuses.username(tokenB) + "@127.0.0.1");
    assertThat(a.remoteId()).isNotEqualTo(b.remoteId());
    for (Channel c : List.of(a, b)) {
      Channel synced = awaitFirstSync(c);
      assertThat(synced.status()).as(synced.statusDetail()).isEqualTo(Channel.Status.CONNECTED);
    }
  }

  @Test
  void aRepeatedKeyAfterALostCommitGetsTheSameStatus() {
    Published first = publish(a, OutgoingPost.text("hello"), "k1");
    loseLocalCommit(a, "k1");
    Published again = publish(a, OutgoingPost.text("hello"), "k1");

    assertThat(again.first()).isEqualTo(first.first());
    assertThat(server.created()).isEqualTo(1);
    assertThat(server.requests()).extracting(MastodonStatuses.Request::outcome)
        .containsExactly(MastodonStatuses.Outcome.CREATED, MastodonStatuses.Outcome.REPEAT);
    assertThat(server.createdPerKey()).containsExactlyEntriesOf(java.util.Map.of(MastodonStatuses.key(tokenA, "k1:0"), 1));
    assertThat(server.duplicates()).isZero();
    MastodonStatuses.Status status = server.status(first.first().remoteId()).orElseThrow();
    assertThat(status.token()).isEqualTo(tokenA);
    assertThat(status.text()).isEqualTo("hello");
    assertThat(first.first().url()).isEqualTo(server.url() + "/@" + MastodonStatuses.username(tokenA) + "/" + status.id());

    Published other = publish(b, OutgoingPost.text("hello"), "k1");
    assertThat(other.first().remoteId()).as("keys are per account").isNotEqualTo(first.first().remoteId());
    assertThat(server.status(other.first().remoteId()).orElseThrow().token()).isEqualTo(tokenB);
    assertThat(server.created()).isEqualTo(2);
  }

  @Test
  void latencyAndAHeldAnswerComeAfterTheStatusWasMade() throws Exception {
    server.latency(Duration.ofMillis(300));
    publish(b, OutgoingPost.text("slow"), "k2");
    Instant answered = Instant.now();
    assertThat(Duration.between(server.requests().get(0).receivedAt(), answered)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

    server.latency(Duration.ZERO).hangNext(1);
    CompletableFuture<Published> inFlight = CompletableFuture.supplyAsync(() -> publish(a, OutgoingPost.text("held"), "k3"));
    assertThat(server.awaitRequests(2, Duration.ofSeconds(20))).isTrue();
    assertThat(server.created()).as("accepted while the client waits").isEqualTo(2);
    assertThat(inFlight).isNotDone();
    server.release();
    assertThat(inFlight.get(20, TimeUnit.SECONDS).first().remoteId()).isEqualTo(server.requests().get(1).statusId());
  }

  @Test
  void failuresMakeNothingAndAServerWithoutKeysShowsDuplicates() {
    server.failNext(1, 500);
    publish(a, OutgoingPost.text("after a 500"), "k4");
    assertThat(server.requests()).extracting(MastodonStatuses.Request::httpStatus).containsExactly(500, 200);
    assertThat(server.created()).isEqualTo(1);

    server.forgetKeys();
    Published first = publish(a, OutgoingPost.text("twice"), "k5");
    loseLocalCommit(a, "k5");
    Published second = publish(a, OutgoingPost.text("twice"), "k5");
    assertThat(second.first().remoteId()).isNotEqualTo(first.first().remoteId());
    assertThat(server.createdPerKey()).containsEntry(MastodonStatuses.key(tokenA, "k5:0"), 2);
    assertThat(server.duplicates()).isEqualTo(1);

    server.failNext(1, 429, 2);
    assertThatThrownBy(() -> publish(b, OutgoingPost.text("limited"), "k6")).isInstanceOfSatisfying(PublishFailure.class,
        f -> assertThat(f.retryable()).isTrue());
    assertThat(server.requests()).last().satisfies(r -> {
      assertThat(r.outcome()).isEqualTo(MastodonStatuses.Outcome.REFUSED);
      assertThat(r.token()).isEqualTo(tokenB);
    });
    assertThat(server.created()).isEqualTo(3);
  }

  @Test
  void anImageIsUploadedAndAttached() {
    OutgoingPost post = new OutgoingPost(List.of("a picture"), List.of(new OutgoingPost.Image(PNG, "image/png", "Bread, fresh")), null,
        "unlisted");
    Published published = publish(b, post, "k7");
    MastodonStatuses.Status status = server.status(published.first().remoteId()).orElseThrow();
    assertThat(status.mediaIds()).hasSize(1);
    assertThat(status.visibility()).isEqualTo("unlisted");
    assertThat(status.json()).contains("Bread, fresh");
  }

  private Channel awaitFirstSync(Channel channel) {
    long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
    while (System.nanoTime() < deadline) {
      Channel c = app.bean(ChannelRegistry.class).find(team.workspaceId(), channel.id()).orElseThrow();
      if (c.lastSyncAt() != null || c.status() != Channel.Status.CONNECTED) {
        return c;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("The first sync of " + channel.handle() + " did not finish");
  }
}
