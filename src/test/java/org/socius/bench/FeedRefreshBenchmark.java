package org.socius.bench;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.socius.feeds.internal.StoreItems;
import org.socius.feeds.internal.parse.FeedParser;
import org.socius.team.Accounts;
import org.socius.testing.ChildNode;
import org.socius.testing.SociusApp;
import org.socius.testing.Teams;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refreshing FEEDS feeds that all fall due at once, by one Socius node in a process of its own
 * (so that its CPU time and memory are its own), against a local web server in this JVM. The
 * feeds sit on many host names, all pointing at 127.0.0.1 through a hosts file given to the node
 * ({@code jdk.net.hosts.file}): a few platform hosts carry 100 feeds each (one per 500 feeds),
 * the rest four to a host; the per-host limit applies to every one of them as on the web.
 * CHANGED_PERCENT of the feeds (default 20) have three new items, the others answer 304 to the
 * stored ETag. Not part of the test suite; run by bench/feeds-refresh.sh.
 */
class FeedRefreshBenchmark {

  private static final String TASK = "feed-refresh";
  private static final int PER_PLATFORM = 100;
  private static final int TAIL_PER_HOST = 4;

  @Test
  void refreshAllFeedsDueAtOnce() throws Exception {
    String store = System.getProperty("bench.store", "sqlite");
    int count = Integer.getInteger("bench.feeds", 10_000);
    int changedPercent = Integer.getInteger("bench.changed-percent", 20);
    Duration giveUp = Duration.ofSeconds(Integer.getInteger("bench.timeout-seconds", 600));
    boolean postgres = store.equals("postgres");
    String db = postgres ? BenchDatabase.create() : null;
    Path dir = Files.createTempDirectory("socius-bench-refresh");
    Instant origin = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    boolean[] changing = new boolean[count];
    List<Integer> order = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      order.add(n);
    }
    Collections.shuffle(order, new Random(42));
    for (int k = 0; k < count * changedPercent / 100; k++) {
      changing[order.get(k)] = true;
    }
    String[] hosts = hosts(count);

    try (var web = new FeedRefreshBenchmarkServer(changing, origin, Integer.getInteger("bench.server-threads", 16))) {
      // ---------------------------------------------------------------- set-up, in this JVM
      long setupStart = System.nanoTime();
      String[] ids = new String[count];
      SociusApp setup = SociusApp.startOn(db, dir, Map.of("socius.node-name", "bench-setup"));
      try {
        setup.bean(Accounts.class).createUser("Installation Owner", "installer@socius.test", "installer-password-1");
        List<String> workspaces = new ArrayList<>();
        for (int w = 0; w * 1000 < count; w++) {
          workspaces.add(Teams.create(setup).workspaceId());
        }
        DataSource ds = setup.bean(DataSource.class);
        insertFeeds(ds, web, hosts, workspaces, ids, origin);
        insertItems(setup, ds, web, hosts, changing, ids, origin);
        setup.bean(SchedulerClient.class).scheduleBatch(
            java.util.Arrays.stream(ids).map(id -> (TaskInstance<?>) new TaskInstance<Void>(TASK, id)), origin.plus(Duration.ofDays(30)));
      } finally {
        setup.close();
      }
      System.out.printf("set-up: %d feeds on %d hosts in %.0f s%n", count, distinct(hosts), (System.nanoTime() - setupStart) / 1e9);

      // ---------------------------------------------------------------- the node
      web.advance();
      Path hostsFile = dir.resolve("hosts");
      StringBuilder lines = new StringBuilder("127.0.0.1 localhost\n");
      for (String h : new java.util.TreeSet<>(List.of(hosts))) {
        lines.append("127.0.0.1 ").append(h).append('\n');
      }
      Files.writeString(hostsFile, lines);
      Map<String, String> props = Map.of("socius.node-name", "bench-refresh", "jdk.net.hosts.file", hostsFile.toString());
      ChildNode node = ChildNode.start(db, dir, props);
      String jdbcUrl = postgres ? db : "jdbc:sqlite:" + dir.resolve("socius.db") + "?busy_timeout=10000";
      HeapSampler heap = new HeapSampler(node.pid());
      int rounds = Integer.getInteger("bench.rounds", 2);
      int changedCount = (int) java.util.stream.IntStream.range(0, count).filter(n -> changing[n]).count();
      StringBuilder report = new StringBuilder();
      try (Connection c = DriverManager.getConnection(jdbcUrl)) {
        Thread.sleep(2000); // the node settles after start-up
        heap.start();
        jcmd(node, "JFR.start", "settings=profile", store);
        for (int round = 1; round <= rounds; round++) {
          if (round > 1) {
            web.advance(); // three more new items on every changing feed
            Thread.sleep(5000); // the node settles after the last round's rescheduling
          }
          web.reset();
          heap.reset();
          String loadBefore = NodeStats.loadAverage();
          long rssBefore = NodeStats.mib(node.pid(), "VmRSS");
          Duration cpuFrom = NodeStats.cpu(node.pid());
          double[] machineFrom = NodeStats.machine();
          double pgFrom = NodeStats.postgresCpu();
          Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
          makeDue(c, t0, postgres);
          Instant progress = Instant.now().plusSeconds(10);
          long checked;
          while (true) {
            checked = count(c, "SELECT COUNT(*) FROM feeds WHERE last_fetched_at >= " + t0.toEpochMilli());
            if (checked >= count || Instant.now().isAfter(t0.plus(giveUp))) {
              break;
            }
            if (Instant.now().isAfter(progress)) {
              System.out.printf("round %d, %5.0f s: %d of %d feeds checked%n", round, Duration.between(t0, Instant.now()).toMillis() / 1e3,
                  checked, count);
              progress = Instant.now().plusSeconds(10);
            }
            Thread.sleep(100);
          }
          Duration cpu = NodeStats.cpu(node.pid()).minus(cpuFrom);
          double[] machineTo = NodeStats.machine();
          double pgTo = NodeStats.postgresCpu();
          long peakRss = NodeStats.mib(node.pid(), "VmHWM");
          Instant done = checked >= count ? Instant.ofEpochMilli(count(c, "SELECT MAX(last_fetched_at) FROM feeds")) : Instant.now();
          long failing = count(c, "SELECT COUNT(*) FROM feeds WHERE error_count > 0");
          long added = count(c, "SELECT COUNT(*) FROM feed_items WHERE first_seen_at >= " + t0.toEpochMilli());
          String firstError = text(c, "SELECT MIN(last_error) FROM feeds WHERE error_count > 0");
          String loadAfter = NodeStats.loadAverage();

          double seconds = Duration.between(t0, done).toMillis() / 1e3;
          int maxInFlight = web.hosts().values().stream().mapToInt(h -> h.maxInFlight).max().orElse(0);
          long minGap = web.hosts().values().stream().mapToLong(h -> h.minGapNanos).min().orElse(0);
          String line = String.format(
              "feeds-refresh %s, round %d%s: %d feeds on %d hosts (%d changed, %d unchanged), all due at once: %s %d checked in %.1f s "
                  + "(target 60 s: %s), %.0f feeds/s; answers 200: %d (%.1f MB), 304: %d, other: %d; new items stored: %d "
                  + "(expected %d); feeds failing: %d%s; node CPU %.1f s (%.0f %% of one core), PostgreSQL CPU %.1f s, machine busy "
                  + "%.0f %% of 2 cores; node RSS %d MiB before, peak %d MiB (since start); heap used peak %d MiB (committed %d MiB); "
                  + "per host: at most %d requests at once, closest starts %d ms apart; load average %s before, %s after",
              store, round, round == 1 ? " (node just started)" : "", count, distinct(hosts), changedCount, count - changedCount,
              checked >= count ? "all" : "ONLY", checked, seconds, checked >= count && seconds <= 60 ? "met" : "missed",
              checked / seconds, web.ok(), web.bytes() / 1e6, web.notModified(), web.other(), added,
              (long) changedCount * FeedRefreshBenchmarkServer.NEW_PER_ROUND, failing, firstError == null ? "" : " (e.g. " + firstError + ")",
              cpu.toMillis() / 1e3, cpu.toMillis() / 10.0 / seconds, pgTo - pgFrom,
              100 * (machineTo[0] - machineFrom[0]) / Math.max(0.001, machineTo[1] - machineFrom[1]), rssBefore, peakRss, heap.peakMib(),
              heap.committedMib(), maxInFlight, minGap / 1_000_000, loadBefore, loadAfter);
          System.out.println(line);
          report.append(line).append('\n');
        }
        jcmd(node, "JFR.dump", null, store);
        Path target = Path.of("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("bench-feeds-refresh-" + store + ".txt"), report);
      } finally {
        heap.stop();
        node.stop();
        Files.copy(node.log(), Path.of("target", "bench-feeds-refresh-" + store + ".log"), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /** Host of feed n: the first feeds sit on platform hosts, 100 each; the rest four to a blog host. */
  static String[] hosts(int count) {
    int platforms = Math.max(1, count / 500);
    String[] hosts = new String[count];
    for (int n = 0; n < count; n++) {
      hosts[n] = n < platforms * PER_PLATFORM ? String.format("platform-%02d.feeds.test", n / PER_PLATFORM)
          : String.format("blog-%05d.feeds.test", (n - platforms * PER_PLATFORM) / TAIL_PER_HOST);
    }
    return hosts;
  }

  private static long distinct(String[] hosts) {
    return java.util.Arrays.stream(hosts).distinct().count();
  }

  /** Feeds as a first fetch left them (validators of version 0 in place) and one subscription each. */
  private static void insertFeeds(DataSource ds, FeedRefreshBenchmarkServer web, String[] hosts, List<String> workspaces,
      String[] ids, Instant origin) throws Exception {
    long then = origin.minus(Duration.ofHours(1)).toEpochMilli();
    long later = origin.plus(Duration.ofDays(30)).toEpochMilli();
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement f = c.prepareStatement("""
              INSERT INTO feeds (id, url, host, title, site_url, etag, last_modified, interval_seconds, next_fetch_at, last_fetched_at,
                last_success_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 3600, ?, ?, ?, ?)""");
          PreparedStatement s = c.prepareStatement(
              "INSERT INTO feed_subscriptions (id, workspace_id, feed_id, title, created_at) VALUES (?, ?, ?, '', ?)")) {
        for (int n = 0; n < ids.length; n++) {
          ids[n] = UUID.randomUUID().toString();
          f.setString(1, ids[n]);
          f.setString(2, "http://" + hosts[n] + ":" + web.port() + "/feeds/" + n + ".xml");
          f.setString(3, hosts[n]);
          f.setString(4, "Feed " + n + " on " + hosts[n]);
          f.setString(5, "http://" + hosts[n] + "/");
          f.setString(6, web.etag(n));
          f.setString(7, web.lastModified(n));
          f.setLong(8, later);
          f.setLong(9, then);
          f.setLong(10, then);
          f.setLong(11, then);
          f.addBatch();
          s.setString(1, UUID.randomUUID().toString());
          s.setString(2, workspaces.get(n % workspaces.size()));
          s.setString(3, ids[n]);
          s.setLong(4, then);
          s.addBatch();
          if (n % 1000 == 999 || n == ids.length - 1) {
            f.executeBatch();
            s.executeBatch();
            c.commit();
          }
        }
      }
    }
  }

  /**
   * The items of version 0: written by the real {@code StoreItems} for the feeds that will change
   * (so that the refresh finds them unchanged and adds only the new ones), and five small rows for
   * each feed that will answer 304 (its items are never read by the refresh but its newest dates).
   */
  private static void insertItems(SociusApp setup, DataSource ds, FeedRefreshBenchmarkServer web, String[] hosts, boolean[] changing,
      String[] ids, Instant origin) throws Exception {
    StoreItems storeItems = setup.bean(StoreItems.class);
    TransactionTemplate tx = setup.bean(TransactionTemplate.class);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int n = 0; n < ids.length; n++) {
        if (!changing[n]) {
          continue;
        }
        int k = n;
        work.add(pool.submit(() -> {
          byte[] doc = web.document(k, 0, hosts[k]).getBytes(StandardCharsets.UTF_8);
          var parsed = FeedParser.parse(doc, "application/rss+xml", "http://" + hosts[k] + "/feeds/" + k + ".xml");
          return tx.execute(s -> storeItems.store(ids[k], parsed, origin.minus(Duration.ofHours(1))));
        }));
      }
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement p = c.prepareStatement("""
          INSERT INTO feed_items (id, feed_id, guid, url, content_hash, title, summary, published_at, first_seen_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
        int rows = 0;
        for (int n = 0; n < ids.length; n++) {
          if (changing[n]) {
            continue;
          }
          for (int i = 0; i < 5; i++) {
            String link = "http://" + hosts[n] + "/posts/" + n + "/" + i;
            p.setString(1, UUID.randomUUID().toString());
            p.setString(2, ids[n]);
            p.setString(3, link);
            p.setString(4, link);
            p.setString(5, Long.toHexString(n * 64L + i));
            p.setString(6, "Post " + i + " of feed " + n);
            p.setString(7, "<p>A short post, number " + i + ".</p>");
            p.setLong(8, origin.minus(Duration.ofHours(30L * (5 - i))).toEpochMilli());
            p.setLong(9, origin.minus(Duration.ofHours(1)).toEpochMilli());
            p.addBatch();
            if (++rows % 2000 == 0) {
              p.executeBatch();
              c.commit();
            }
          }
        }
        p.executeBatch();
        c.commit();
      }
    }
  }

  /** Every feed's refresh due now, in one statement, as db-scheduler stores times (UTC timestamps). */
  private static void makeDue(Connection c, Instant t0, boolean postgres) throws Exception {
    try (PreparedStatement p = c.prepareStatement("UPDATE scheduled_tasks SET execution_time = ? WHERE task_name = ?")) {
      if (postgres) {
        p.setTimestamp(1, Timestamp.from(t0), Calendar.getInstance(TimeZone.getTimeZone("UTC")));
      } else {
        p.setLong(1, t0.toEpochMilli());
      }
      p.setString(2, TASK);
      p.executeUpdate();
    }
  }

  /** With -Dbench.jfr=true: a CPU profile of the node over the rounds (target/bench-feeds-refresh-STORE.jfr, for jfr print). */
  private static void jcmd(ChildNode node, String command, String settings, String store) throws Exception {
    if (!Boolean.getBoolean("bench.jfr")) {
      return;
    }
    List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        Long.toString(node.pid()), command));
    if (settings != null) {
      args.add(settings);
    }
    args.add("filename=" + Path.of("target", "bench-feeds-refresh-" + store + ".jfr").toAbsolutePath());
    new ProcessBuilder(args).inheritIO().start().waitFor();
  }

  private static long count(Connection c, String sql) throws Exception {
    try (var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String text(Connection c, String sql) throws Exception {
    try (var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  /** The node's heap, read every 250 ms with jstat (the JVM's own counters, no agent in the node). */
  private static final class HeapSampler {
    private final long pid;
    private final AtomicLong peakKb = new AtomicLong();
    private final AtomicLong committedKb = new AtomicLong();
    private Process jstat;

    HeapSampler(long pid) {
      this.pid = pid;
    }

    void start() throws Exception {
      Path bin = Path.of(System.getProperty("java.home"), "bin", "jstat");
      jstat = new ProcessBuilder(bin.toString(), "-gc", Long.toString(pid), "250").redirectErrorStream(true).start();
      Thread reader = new Thread(() -> {
        try (var in = new BufferedReader(new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
          String[] header = null;
          for (String line; (line = in.readLine()) != null; ) {
            String[] f = line.trim().split("\\s+");
            if (line.contains("EU")) {
              header = f;
              continue;
            }
            if (header == null || f.length != header.length) {
              continue;
            }
            double used = 0;
            double committed = 0;
            for (int i = 0; i < f.length; i++) {
              switch (header[i]) {
                case "S0U", "S1U", "EU", "OU" -> used += Double.parseDouble(f[i]);
                case "S0C", "S1C", "EC", "OC" -> committed += Double.parseDouble(f[i]);
                default -> { }
              }
            }
            peakKb.accumulateAndGet((long) used, Math::max);
            committedKb.accumulateAndGet((long) committed, Math::max);
          }
        } catch (Exception e) {
          // jstat ended
        }
      }, "bench-jstat");
      reader.setDaemon(true);
      reader.start();
    }

    void reset() {
      peakKb.set(0);
      committedKb.set(0);
    }

    void stop() {
      if (jstat != null) {
        jstat.destroy();
      }
    }

    long peakMib() {
      return peakKb.get() / 1024;
    }

    long committedMib() {
      return committedKb.get() / 1024;
    }
  }
}
