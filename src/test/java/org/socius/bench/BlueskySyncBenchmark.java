package org.socius.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.socius.testing.BlueskyNetwork;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.socius.testing.Teams;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Syncs a Bluesky account with many followers and notifications from the local network and
 * reports events per second and peak memory. Not part of the test suite; run by
 * bench/bluesky-sync.sh (sizes: -Dbench.followers, -Dbench.likes).
 */
class BlueskySyncBenchmark {

  @Test
  void syncALargeAccount() throws Exception {
    int followers = Integer.getInteger("bench.followers", 5000);
    int likes = Integer.getInteger("bench.likes", 5000);
    BlueskyNetwork net = BlueskyNetwork.get();
    var star = net.createAccount("star");
    var post = net.post(star, "Something worth liking", Map.of());
    var ref = Map.of("uri", post.path("uri").asString(), "cid", post.path("cid").asString());
    long setupStart = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> work = new ArrayList<>();
    for (int i = 0; i < Math.max(followers, likes); i++) {
      int n = i;
      work.add(pool.submit(() -> {
        var fan = net.createAccount("b" + n);
        if (n < followers) {
          net.follow(fan, star.did());
        }
        if (n < likes) {
          net.createRecord(fan, "app.bsky.feed.like", Map.of("$type", "app.bsky.feed.like", "subject", ref,
              "createdAt", java.time.Instant.now().toString()));
        }
      }));
    }
    for (Future<?> f : work) {
      f.get();
    }
    pool.shutdown();
    double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
    // events: each imported follower once (their follow notifications find them known) and each like;
    // items read from the network: the followers plus the follow and like notifications
    long expected = (long) followers + likes;
    long itemsRead = (long) followers * 2 + likes;
    Thread.sleep(3000); // the AppView indexes the last writes

    var props = new java.util.HashMap<>(net.sociusProperties());
    props.put("socius.networks.follower-pages-per-run", "1000");
    props.put("socius.networks.sync-interval", "1h");
    try (SociusApp app = SociusApp.start(Store.SQLITE, props)) {
      app.bean(org.socius.team.Accounts.class).createUser("Bench", "bench@socius.test", "bench-password-1");
      var team = Teams.create(app);
      JdbcClient jdbc = app.bean(JdbcClient.class);
      System.gc();
      for (MemoryPoolMXBean pool2 : ManagementFactory.getMemoryPoolMXBeans()) {
        pool2.resetPeakUsage();
      }
      String page = "/w/" + team.slug() + "/settings/channels";
      long start = System.nanoTime();
      team.owner().web().post(page, page + "/bluesky", Map.of("identifier", star.handle(), "appPassword", net.appPassword(star)));
      long events = 0;
      while (System.nanoTime() - start < 1_800_000_000_000L) {
        events = jdbc.sql("SELECT COUNT(*) FROM network_events").query(Long.class).single();
        if (events >= expected) {
          break;
        }
        Thread.sleep(100);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long peakHeap = 0;
      for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
        if (p.getType() == MemoryType.HEAP) {
          peakHeap += p.getPeakUsage().getUsed();
        }
      }
      String hwm = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM")).findFirst().orElse("?");
      String report = String.format(
          "followers=%d likes=%d events=%d/%d items_read=%d seconds=%.1f events_per_second=%.0f items_per_second=%.0f "
              + "peak_heap_mib=%d peak_rss=%s setup_seconds=%.0f%n",
          followers, likes, events, expected, itemsRead, seconds, events / seconds, itemsRead / seconds, peakHeap / 1048576,
          hwm.replaceAll("\\s+", " "), setupSeconds);
      System.out.print(report);
      Files.writeString(Path.of("target/bench-bluesky-sync.txt"), report);
    }
  }
}
