package org.socius.inbox.internal.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socius.inbox.internal.live.LiveKit.data;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socius.team.Accounts;
import org.socius.testing.Postgres;
import org.socius.testing.SociusApp;
import org.socius.testing.Teams;

/**
 * Two Socius nodes on one PostgreSQL database: news stored on one reaches a page connected to
 * the other, a page that moves to the other node resumes where it was, and the daily digest goes
 * out once although both nodes run the digest task.
 */
class TwoNodesLiveTest {

  static GreenMail mail;
  static SociusApp a;
  static SociusApp b;

  @BeforeAll
  static void startTwoNodes() {
    String db = Postgres.freshDatabase();
    mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    mail.start();
    Map<String, String> fast = Map.of("socius.live.poll-interval", "300ms", "socius.live.heartbeat-interval", "500ms",
        "socius.digest.interval", "200ms", "db-scheduler.polling-interval", "200ms", "spring.mail.host", "127.0.0.1",
        "spring.mail.port", Integer.toString(mail.getSmtp().getPort()));
    a = SociusApp.startOn(db, with(fast, "socius.node-name", "node-a"));
    b = SociusApp.startOn(db, with(fast, "socius.node-name", "node-b"));
    a.bean(Accounts.class).createUser("Installation Owner", "installer@socius.test", "installer-password-1");
  }

  @AfterAll
  static void stop() {
    if (b != null) {
      b.close();
    }
    if (a != null) {
      a.close();
    }
    if (mail != null) {
      mail.stop();
    }
  }

  static Map<String, String> with(Map<String, String> base, String key, String value) {
    var copy = new HashMap<>(base);
    copy.put(key, value);
    return copy;
  }

  @Test
  void newsStoredOnOneNodeReachesAPageOnTheOtherAndResumesThere() throws Exception {
    Teams.Team team = Teams.create(a);
    String live = "/w/" + team.slug() + "/live";
    String lastId;
    try (SseClient onB = SseClient.signedIn(b.baseUrl(), team.owner().email(), Teams.PASSWORD)) {
      assertThat(onB.open(live, null)).isEqualTo(200);
      onB.next("hello", Duration.ofSeconds(10));
      assertThat(onB.next(":", Duration.ofSeconds(5)).data()).as("heartbeat comment").isEqualTo("keep-alive");
      LiveKit.mention(a, team.workspaceId(), "Across", "stored on node a");
      var got = onB.next("item", Duration.ofSeconds(10));
      assertThat(data(got).path("personName").asString()).isEqualTo("Across");
      lastId = got.id();
    }
    // the page comes back through node a (a balancer may send it anywhere) after more news on b
    LiveKit.mention(b, team.workspaceId(), "Meanwhile", "stored on node b");
    try (SseClient onA = SseClient.signedIn(a.baseUrl(), team.owner().email(), Teams.PASSWORD)) {
      assertThat(onA.open(live, lastId)).isEqualTo(200);
      var missed = onA.next("item", Duration.ofSeconds(10));
      assertThat(data(missed).path("personName").asString()).isEqualTo("Meanwhile");
      assertThat(onA.within(Duration.ofSeconds(2), "item")).isEmpty();
    }
  }

  @Test
  void theDigestGoesOutOnceThoughBothNodesRunTheTask() throws Exception {
    Teams.Team team = Teams.create(a);
    LiveKit.mention(a, team.workspaceId(), "Waiting Person", "an open question");
    String page = "/w/" + team.slug() + "/notifications";
    var form = new HashMap<>(Map.of("onScreen", "true", "kinds", "mention", "quietFrom", "", "quietTo", "", "timeZone", "",
        "digest", "true", "digestHour", "0"));
    assertThat(team.owner().web().post(page, page, form).status()).isEqualTo(302);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline && count(team.owner().email()) == 0) {
      Thread.sleep(200);
    }
    Thread.sleep(3_000); // many more runs, on both nodes
    assertThat(count(team.owner().email())).isEqualTo(1);
  }

  static long count(String to) {
    return java.util.Arrays.stream(mail.getReceivedMessages()).filter(m -> {
      try {
        return m.getAllRecipients()[0].toString().equals(to);
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).count();
  }
}
