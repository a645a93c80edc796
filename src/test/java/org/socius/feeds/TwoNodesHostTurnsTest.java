package org.socius.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socius.team.Accounts;
import org.socius.testing.Postgres;
import org.socius.testing.SociusApp;
import org.socius.testing.Teams;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes on one PostgreSQL database share the per-host turns: feeds on one host that fall due
 * together are fetched once each, by both nodes, with the starts on the host spaced apart as on
 * one node (without shared turns each node would start its own first fetch at once).
 */
class TwoNodesHostTurnsTest {

  static final Duration SPACING = Duration.ofMillis(600);
  static final Duration POLLING = Duration.ofMillis(100);
  static final int FEEDS = 16;

  record Start(String path, long nanos, String node) {}

  static FeedServer server;
  static SociusApp a;
  static SociusApp b;

  @BeforeAll
  static void startTwoNodes() {
    String db = Postgres.freshDatabase();
    server = new FeedServer();
    Map<String, String> common = Map.of("socius.feeds.per-host-spacing", SPACING.toMillis() + "ms",
        "db-scheduler.polling-interval", POLLING.toMillis() + "ms");
    a = SociusApp.startOn(db, with(common, "node-a"));
    b = SociusApp.startOn(db, with(common, "node-b"));
    a.bean(Accounts.class).createUser("Installation Owner", "installer@socius.test", "installer-password-1");
  }

  static Map<String, String> with(Map<String, String> base, String node) {
    var copy = new java.util.HashMap<>(base);
    copy.put("socius.node-name", node);
    return copy;
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {b, a, server}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception ignored) {
        // closing the rest matters more
      }
    }
  }

  @Test
  void feedsOnOneHostDueTogetherAreFetchedOnceEachWithStartsSpacedAcrossBothNodes() throws Exception {
    JdbcClient jdbc = a.bean(JdbcClient.class);
    String prefix = "/" + Teams.unique("turns");
    StringBuilder opml = new StringBuilder("<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>One host</title></head><body>");
    for (int i = 0; i < FEEDS; i++) {
      String path = prefix + "/feed-" + i + ".xml";
      server.put(path, "application/rss+xml", FeedServer.rss("Feed " + i, "x" + i + "|Post " + i + "|https://blog.example/" + i + "|<p>Hi</p>"));
      opml.append("<outline type=\"rss\" text=\"Feed ").append(i).append("\" xmlUrl=\"").append(server.url(path)).append("\"/>");
    }
    // the node fetching a feed is the one that has picked its execution while the request is under way
    ConcurrentLinkedQueue<Start> starts = new ConcurrentLinkedQueue<>();
    server.onRequest(path -> {
      long at = System.nanoTime();
      String node = jdbc.sql("""
          SELECT t.picked_by FROM scheduled_tasks t JOIN feeds f ON f.id = t.task_instance
          WHERE t.task_name = 'feed-refresh' AND f.url = :url""").param("url", server.url(path)).query(String.class).optional().orElse("?");
      starts.add(new Start(path, at, node));
    });

    Teams.Team team = Teams.create(a);
    OpmlTest.upload(team, opml.append("</body></opml>").toString(), 200);
    awaitAllFetched(jdbc);
    Thread.sleep(SPACING.toMillis() * 2); // a second fetch of any feed would show by now

    List<Start> ours = starts.stream().filter(s -> s.path().startsWith(prefix)).sorted((x, y) -> Long.compare(x.nanos(), y.nanos())).toList();
    assertThat(ours.stream().map(Start::path).toList()).as("every feed fetched exactly once").hasSize(FEEDS).doesNotHaveDuplicates();
    Set<String> nodes = new TreeSet<>(ours.stream().map(Start::node).toList());
    assertThat(nodes).as("both nodes fetched from the host").containsExactly("node-a", "node-b");
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < ours.size(); i++) {
      gaps.add(Duration.ofNanos(ours.get(i).nanos() - ours.get(i - 1).nanos()).toMillis());
    }
    // a turn starts up to one scheduler poll late, so a gap may shrink by about that much, never to nothing
    assertThat(gaps).as("starts on the host, ms apart").allSatisfy(g -> assertThat(g).isGreaterThanOrEqualTo(SPACING.toMillis() / 2));
  }

  private static void awaitAllFetched(JdbcClient jdbc) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      long fetched = jdbc.sql("SELECT COUNT(*) FROM feeds WHERE url LIKE :u AND last_fetched_at IS NOT NULL")
          .param("u", server.url("/") + "%").query(Long.class).single();
      if (fetched >= FEEDS) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("not every feed was fetched");
  }
}
