package org.socius.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.socius.networks.Channel;
import org.socius.networks.internal.mastodon.ConnectMastodon;
import org.socius.platform.DataDirectory;
import org.socius.publishing.internal.ComposePost;
import org.socius.publishing.internal.PostForm;
import org.socius.team.Accounts;
import org.socius.team.Member;
import org.socius.team.Role;
import org.socius.testing.ChildNode;
import org.socius.testing.MastodonStatuses;
import org.socius.testing.SociusApp;
import org.socius.testing.Teams;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On-time, exactly-once delivery under load: CHANNELS Mastodon channels on a local statuses
 * server that answers in 50 ms and records every request, POSTS posts due uniformly over
 * MINUTES minutes, delivered by Socius nodes in processes of their own (so that their CPU and
 * memory are theirs, and one can be killed with SIGKILL). Not part of the test suite; run by
 * bench/delivery.sh.
 *
 * <p>Scenarios ({@code -Dbench.scenario}): {@code sqlite} and {@code postgres}, one node, with the
 * server's idempotency memory off, so that any repeated key makes a second status and counts as
 * a duplicate; {@code postgres-two-nodes}, two nodes of which one is killed at 40 % of the window
 * and started again 20 s later, with the memory on as on Mastodon (a retry after the kill
 * legitimately repeats a key; it must not make a second status).
 *
 * <p>Lateness of a post: when the server received the first request with its key, minus the time
 * it was due. All posts are created before the first one is due.
 */
class DeliveryBenchmark {

  enum Scenario {
    SQLITE, POSTGRES, POSTGRES_TWO_NODES;

    String label() {
      return name().toLowerCase().replace('_', '-');
    }
  }

  /** A post as set up: its one delivery and when it is due. */
  private record Planned(String deliveryId, Instant due) {}

  /** A node process and its CPU and memory over the span it was measured. */
  private static final class Node {
    final String name;
    final ChildNode child;
    Instant from;
    Duration cpuFrom = Duration.ZERO;
    Instant to;
    Duration cpu = Duration.ZERO;
    long peakRss = -1;
    long rss = -1;

    Node(String name, ChildNode child) {
      this.name = name;
      this.child = child;
    }

    void begin() {
      from = Instant.now();
      cpuFrom = NodeStats.cpu(child.pid());
    }

    /** Reads the figures while the process is still there. */
    void end() {
      to = Instant.now();
      cpu = NodeStats.cpu(child.pid()).minus(cpuFrom);
      peakRss = NodeStats.mib(child.pid(), "VmHWM");
      rss = NodeStats.mib(child.pid(), "VmRSS");
    }
  }

  private static final Pattern PROBLEM = Pattern.compile("^\\S+\\s+(WARN|ERROR)\\s");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  @Test
  void deliverScheduledPostsOnTime() throws Exception {
    Scenario scenario = Scenario.valueOf(System.getProperty("bench.scenario", "sqlite").toUpperCase().replace('-', '_'));
    int channelCount = Integer.getInteger("bench.channels", 1000);
    int postCount = Integer.getInteger("bench.posts", 10_000);
    int minutes = Integer.getInteger("bench.minutes", 10);
    int perWorkspace = Integer.getInteger("bench.channels-per-workspace", 100);
    Duration latency = Duration.ofMillis(Integer.getInteger("bench.endpoint-latency-ms", 50));
    Duration grace = Duration.ofSeconds(Integer.getInteger("bench.grace-seconds", 120));
    double killAt = Double.parseDouble(System.getProperty("bench.kill-at", "0.4"));
    Duration restartAfter = Duration.ofSeconds(Integer.getInteger("bench.restart-after-seconds", 20));
    // room to create the posts and start the nodes before the first one is due (setup of 10,000 posts: a few minutes)
    Duration lead = Duration.ofSeconds(Integer.getInteger("bench.lead-seconds", 60 + postCount * 20 / 1000));
    Duration window = Duration.ofMinutes(minutes);
    boolean twoNodes = scenario == Scenario.POSTGRES_TWO_NODES;

    String db = scenario == Scenario.SQLITE ? null : BenchDatabase.create();
    Path dir = Files.createTempDirectory("socius-bench");
    Map<String, String> props = new HashMap<>(Map.of("socius.networks.sync-interval", "24h"));

    try (MastodonStatuses endpoint = new MastodonStatuses(Integer.getInteger("bench.endpoint-threads", 256)).latency(latency)) {
      if (!twoNodes) {
        endpoint.forgetKeys(); // count, not dedupe: a repeated key makes a second status
      }

      // ---------------------------------------------------------------- set-up, in this JVM
      long setupStart = System.nanoTime();
      List<Planned> planned;
      Instant t0;
      double connectSeconds;
      double composeSeconds;
      Map<String, String> setupProps = new HashMap<>(props);
      setupProps.put("socius.node-name", "bench-setup");
      SociusApp setup = SociusApp.startOn(db, dir, setupProps);
      try {
        setup.bean(Accounts.class).createUser("Installation Owner", "installer@socius.test", "installer-password-1");
        List<Member> owners = new ArrayList<>();
        for (int w = 0; w * perWorkspace < channelCount; w++) {
          var team = Teams.create(setup);
          owners.add(new Member("bench-owner-" + w, team.workspaceId(), team.slug(), "Workspace " + w, "bench-user-" + w, "Owner",
              Role.OWNER, null));
        }
        AtomicReferenceArray<String> channels = new AtomicReferenceArray<>(channelCount);
        ConnectMastodon connect = setup.bean(ConnectMastodon.class);
        long connectStart = System.nanoTime();
        inParallel(channelCount, i -> {
          Channel c = connect.withToken(owners.get(i / perWorkspace), endpoint.url(), "tok-bench_" + i);
          channels.set(i, c.id());
        });
        // each connect starts a first sync; they finish before the measured window
        JdbcClient jdbc = setup.bean(JdbcClient.class);
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (jdbc.sql("SELECT COUNT(*) FROM channels WHERE last_sync_at IS NOT NULL").query(Long.class).single() < channelCount) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("The first syncs did not finish in 10 minutes");
          }
          Thread.sleep(200);
        }
        connectSeconds = (System.nanoTime() - connectStart) / 1e9;

        t0 = Instant.now().plus(lead).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        long step = window.toNanos() / postCount;
        ComposePost compose = setup.bean(ComposePost.class);
        Planned[] made = new Planned[postCount];
        long composeStart = System.nanoTime();
        Instant first = t0;
        inParallel(postCount, i -> {
          int channel = i % channelCount;
          Instant due = first.plusNanos(step * i);
          var form = new PostForm(List.of(channels.get(channel)), "Benchmark post " + i + " on channel " + channel, Map.of(), false,
              null, null, PostForm.Action.AT, due, List.of());
          var view = compose.compose(owners.get(channel / perWorkspace), form);
          made[i] = new Planned(view.deliveries().get(0).id(), view.deliveries().get(0).dueAt());
        });
        composeSeconds = (System.nanoTime() - composeStart) / 1e9;
        planned = List.of(made);
      } finally {
        setup.close();
      }
      double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
      System.out.printf("set-up done in %.0f s (connect+sync %.0f s, compose %.0f s); first post due at %s%n", setupSeconds,
          connectSeconds, composeSeconds, TIME.format(t0));

      // ---------------------------------------------------------------- the nodes
      List<Node> nodes = new ArrayList<>();
      Node a;
      Node b = null;
      if (twoNodes) {
        var fa = CompletableFuture.supplyAsync(() -> ChildNode.start(db, dir.resolve("a"), node(props, "bench-a")));
        var fb = CompletableFuture.supplyAsync(() -> ChildNode.start(db, dir.resolve("b"), node(props, "bench-b")));
        a = new Node("node A", fa.join());
        b = new Node("node B (killed)", fb.join());
        nodes.add(a);
        nodes.add(b);
      } else {
        a = new Node("node", ChildNode.start(db, dir, node(props, "bench-a")));
        nodes.add(a);
      }
      Instant killedAt = null;
      Instant restartedAt = null;
      Node b2 = null;
      List<String> heldAtKill = new ArrayList<>();
      double[] machineFrom;
      double[] machineTo;
      double pgFrom;
      double pgTo;
      String loadBefore = NodeStats.loadAverage();
      try {
        if (Instant.now().isAfter(t0.minusSeconds(2))) {
          throw new IllegalStateException("The set-up took longer than the lead of " + lead.toSeconds()
              + " s: the first posts were due before the nodes ran; raise -Dbench.lead-seconds");
        }
        sleepUntil(t0);
        nodes.forEach(Node::begin);
        machineFrom = NodeStats.machine();
        pgFrom = NodeStats.postgresCpu();
        Instant lastDue = t0.plus(window);
        if (twoNodes) {
          sleepUntil(t0.plusMillis((long) (window.toMillis() * killAt)));
          // the worst moment: while node B holds deliveries it has claimed (waiting up to 5 s for one)
          Instant latest = Instant.now().plusSeconds(5);
          while (heldBy(db, "bench-b").isEmpty() && Instant.now().isBefore(latest)) {
            Thread.sleep(10);
          }
          b.end();
          b.child.kill();
          killedAt = Instant.now();
          heldAtKill.addAll(heldBy(db, "bench-b"));
          System.out.printf("%s node B killed (SIGKILL) holding %d deliveries%n", TIME.format(killedAt), heldAtKill.size());
          sleepUntil(killedAt.plus(restartAfter));
          b2 = new Node("node B (started again)", ChildNode.start(db, dir.resolve("b"), node(props, "bench-b")));
          restartedAt = Instant.now();
          b2.begin();
          nodes.add(b2);
          System.out.printf("%s node B answers again%n", TIME.format(restartedAt));
        }
        // until every post is at the server and recorded as published, or the grace period ends
        Instant giveUp = lastDue.plus(grace);
        Instant report = Instant.now();
        while (true) {
          long reached = reached(endpoint, planned);
          long published = Instant.now().isAfter(lastDue) ? published(db, dir, planned) : 0;
          if (published == planned.size() && reached == planned.size() || Instant.now().isAfter(giveUp)) {
            break;
          }
          if (Instant.now().isAfter(report)) {
            System.out.printf("%s %d of %d posts reached the server%n", TIME.format(Instant.now()), reached, planned.size());
            report = Instant.now().plusSeconds(30);
          }
          Thread.sleep(1000);
        }
        Thread.sleep(3000); // a late repeat would still show
        for (Node n : nodes) {
          if (n.child.alive()) {
            n.end();
          }
        }
        machineTo = NodeStats.machine();
        pgTo = NodeStats.postgresCpu();
      } finally {
        for (Node n : nodes) {
          n.child.stop();
        }
      }
      String loadAfter = NodeStats.loadAverage();
      Path target = Path.of("target");
      Files.createDirectories(target);
      Map<String, long[]> logProblems = new TreeMap<>();
      for (Node n : nodes) {
        Path copy = target.resolve("bench-delivery-" + scenario.label() + "-" + n.name.replaceAll("\\W+", "-").replaceAll("-$", "")
            + ".log");
        Files.copy(n.child.log(), copy, StandardCopyOption.REPLACE_EXISTING);
        logProblems.put(n.name, problems(copy));
      }

      // ---------------------------------------------------------------- figures
      Map<String, String[]> states = states(db, dir);
      var requests = endpoint.requests();
      Map<String, List<MastodonStatuses.Request>> byDelivery = new HashMap<>();
      for (var r : requests) {
        byDelivery.computeIfAbsent(deliveryOf(r.idempotencyKey()), k -> new ArrayList<>()).add(r);
      }
      Map<String, Integer> created = new HashMap<>();
      endpoint.createdPerKey().forEach((k, v) -> created.merge(deliveryOf(k.substring(k.indexOf('/') + 1)), v, Integer::sum));
      List<Long> all = new ArrayList<>();
      Map<String, Long> lateBy = new HashMap<>();
      Map<String, Long> lastBy = new HashMap<>();
      List<Long> inRestart = new ArrayList<>();
      List<Long> coldStart = new ArrayList<>();
      List<Long> outside = new ArrayList<>();
      int neverReached = 0;
      int notPublished = 0;
      int lost = 0;
      int repeated = 0;
      int retried = 0;
      Map<String, Integer> stateCounts = new TreeMap<>();
      StringBuilder csv = new StringBuilder("delivery_id,due_at,first_request_at,lateness_ms,requests,statuses_created,state,attempts\n");
      Instant windowFrom = killedAt;
      Instant windowTo = restartedAt == null ? null : restartedAt.plusSeconds(30);
      for (Planned p : planned) {
        List<MastodonStatuses.Request> rs = byDelivery.getOrDefault(p.deliveryId(), List.of());
        String[] st = states.getOrDefault(p.deliveryId(), new String[] {"(missing)", "0"});
        stateCounts.merge(st[0], 1, Integer::sum);
        boolean isPublished = st[0].equals("published");
        notPublished += isPublished ? 0 : 1;
        neverReached += rs.isEmpty() ? 1 : 0;
        lost += rs.isEmpty() || !isPublished ? 1 : 0;
        repeated += rs.size() > 1 ? 1 : 0;
        retried += Integer.parseInt(st[1]) > 1 ? 1 : 0;
        Instant firstAt = rs.stream().map(MastodonStatuses.Request::receivedAt).min(Instant::compareTo).orElse(null);
        Long late = firstAt == null ? null : Duration.between(p.due(), firstAt).toMillis();
        if (late != null) {
          lateBy.put(p.deliveryId(), late);
          lastBy.put(p.deliveryId(), Duration.between(p.due(),
              rs.stream().map(MastodonStatuses.Request::receivedAt).max(Instant::compareTo).orElseThrow()).toMillis());
          all.add(late);
          if (p.due().isBefore(t0.plusSeconds(10))) {
            coldStart.add(late);
          }
          if (windowFrom != null && (!p.due().isBefore(windowFrom) && !p.due().isAfter(windowTo) || heldAtKill.contains(p.deliveryId()))) {
            inRestart.add(late);
          } else {
            outside.add(late);
          }
        }
        csv.append(p.deliveryId()).append(',').append(p.due()).append(',').append(firstAt == null ? "" : firstAt).append(',')
            .append(late == null ? "" : late).append(',').append(rs.size()).append(',').append(created.getOrDefault(p.deliveryId(), 0))
            .append(',').append(st[0]).append(',').append(st[1]).append('\n');
      }
      long unexpected = requests.stream().filter(r -> !states.containsKey(deliveryOf(r.idempotencyKey()))).count();
      long refused = requests.stream().filter(r -> r.outcome() == MastodonStatuses.Outcome.REFUSED).count();
      long repeats = requests.stream().filter(r -> r.outcome() == MastodonStatuses.Outcome.REPEAT).count();

      double machineBusy = machineTo[0] - machineFrom[0];
      double machineTotal = machineTo[1] - machineFrom[1];
      StringBuilder out = new StringBuilder();
      out.append(String.format("Delivery benchmark, %s: %d channels, %d posts due over %d min (%d a minute), endpoint latency %d ms%n",
          scenario.label(), channelCount, postCount, minutes, postCount / Math.max(1, minutes), latency.toMillis()));
      out.append(String.format("first post due %s UTC, last %s UTC%s%n%n", TIME.format(t0), TIME.format(t0.plus(window)),
          killedAt == null ? "" : String.format("; node B killed %s, answering again %s; restart window %s–%s (posts due then)",
              TIME.format(killedAt), TIME.format(restartedAt), TIME.format(windowFrom), TIME.format(windowTo))));
      out.append("| what | figure |\n|---|---|\n");
      row(out, "lateness p50 / p99 / max (all posts)", lateness(all));
      if (twoNodes) {
        row(out, "… posts due outside the restart window (" + outside.size() + ")", lateness(outside));
        row(out, "… posts due in the restart window or held by node B at the kill (" + inRestart.size() + ")", lateness(inRestart));
      }
      if (twoNodes) {
        List<Long> held = heldAtKill.stream().map(lateBy::get).filter(java.util.Objects::nonNull).toList();
        List<Long> heldLast = heldAtKill.stream().map(lastBy::get).filter(java.util.Objects::nonNull).toList();
        row(out, "… deliveries node B held when killed (" + heldAtKill.size() + "): first request; last request",
            lateness(held) + "; " + lateness(heldLast));
      }
      row(out, "… posts due in the first 10 s, the nodes' first deliveries (" + coldStart.size() + ")", lateness(coldStart));
      row(out, "earliest (negative: before its time)", all.isEmpty() ? "-" : seconds(all.stream().min(Long::compare).get()));
      row(out, "posts later than 1 s", String.valueOf(all.stream().filter(l -> l > 1000).count()));
      row(out, "published", (stateCounts.getOrDefault("published", 0)) + " of " + postCount);
      row(out, "lost (never reached the server / not published at the end)", lost + " (" + neverReached + " / " + notPublished + ")");
      row(out, "keys sent more than once (requests answered as repeats)", repeated + " (" + repeats + ")");
      row(out, "duplicates created (a key that made more than one status)", String.valueOf(endpoint.duplicates()));
      row(out, "deliveries with more than one attempt", String.valueOf(retried));
      row(out, "requests refused / with a key of no planned post", refused + " / " + unexpected);
      row(out, "delivery states at the end", stateCounts.toString());
      for (Node n : nodes) {
        double span = Duration.between(n.from, n.to).toMillis() / 1000.0;
        row(out, n.name + ": CPU time (share of one core)", String.format("%.1f s in %.0f s (%.1f %%)", n.cpu.toMillis() / 1000.0,
            span, 100.0 * n.cpu.toMillis() / 1000.0 / span));
        row(out, n.name + ": peak / final resident memory", n.peakRss + " MiB / " + n.rss + " MiB (-Xmx512m)");
        long[] p = logProblems.get(n.name);
        row(out, n.name + ": log lines WARN / ERROR", p[0] + " / " + p[1]);
      }
      if (db != null) {
        row(out, "PostgreSQL processes: CPU time (all on the machine)", String.format("%.1f s", pgTo - pgFrom));
      }
      row(out, "whole machine: CPU busy (100 % = one core of " + Runtime.getRuntime().availableProcessors() + ")",
          String.format("%.0f %%", machineTotal == 0 ? 0 : 100.0 * machineBusy / machineTotal * Runtime.getRuntime().availableProcessors()));
      row(out, "load average before / after", loadBefore + " / " + loadAfter);
      row(out, "set-up (not measured): connect and first sync / compose",
          String.format("%.0f s / %.0f s (%.0f posts/s)", connectSeconds, composeSeconds, postCount / composeSeconds));
      Files.writeString(target.resolve("bench-delivery-" + scenario.label() + ".txt"), out);
      Files.writeString(target.resolve("bench-delivery-" + scenario.label() + ".csv"), csv);
    }
  }

  private static Map<String, String> node(Map<String, String> props, String name) {
    Map<String, String> p = new HashMap<>(props);
    p.put("socius.node-name", name);
    return p;
  }

  /** The delivery an idempotency key stands for: the key is the delivery id and the part number. */
  private static String deliveryOf(String key) {
    if (key == null) {
      return "(no key)";
    }
    int colon = key.lastIndexOf(':');
    return colon < 0 ? key : key.substring(0, colon);
  }

  private static long reached(MastodonStatuses endpoint, List<Planned> planned) {
    var seen = new java.util.HashSet<String>();
    for (var r : endpoint.requests()) {
      seen.add(deliveryOf(r.idempotencyKey()));
    }
    return planned.stream().filter(p -> seen.contains(p.deliveryId())).count();
  }

  private static Connection connect(String db, Path dir) throws Exception {
    return DriverManager.getConnection(db != null ? db : "jdbc:sqlite:" + new DataDirectory(dir).sqliteDatabase());
  }

  private static long published(String db, Path dir, List<Planned> planned) throws Exception {
    try (Connection c = connect(db, dir); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM deliveries WHERE state = 'published'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The deliveries whose executions a node has picked and not finished. */
  private static List<String> heldBy(String db, String node) throws Exception {
    List<String> held = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(db); var s = c.prepareStatement(
        "SELECT task_instance FROM scheduled_tasks WHERE task_name = 'publish-delivery' AND picked AND picked_by = ?")) {
      s.setString(1, node);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          held.add(rs.getString(1));
        }
      }
    }
    return held;
  }

  /** Per delivery: its state and its number of attempts. */
  private static Map<String, String[]> states(String db, Path dir) throws Exception {
    Map<String, String[]> states = new HashMap<>();
    try (Connection c = connect(db, dir); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, state, attempts FROM deliveries")) {
      while (rs.next()) {
        states.put(rs.getString(1), new String[] {rs.getString(2), String.valueOf(rs.getInt(3))});
      }
    }
    return states;
  }

  /** WARN and ERROR lines of a node's log. */
  private static long[] problems(Path log) throws Exception {
    long warn = 0;
    long error = 0;
    for (String line : Files.readAllLines(log)) {
      var m = PROBLEM.matcher(line);
      if (m.find()) {
        if (m.group(1).equals("WARN")) {
          warn++;
        } else {
          error++;
        }
      }
    }
    return new long[] {warn, error};
  }

  private static String lateness(List<Long> millis) {
    if (millis.isEmpty()) {
      return "-";
    }
    long[] sorted = millis.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    return seconds(rank(sorted, 0.50)) + " / " + seconds(rank(sorted, 0.99)) + " / " + seconds(sorted[sorted.length - 1]);
  }

  /** Nearest-rank percentile. */
  private static long rank(long[] sorted, double p) {
    return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
  }

  private static String seconds(long millis) {
    return String.format("%.2f s", millis / 1000.0);
  }

  private static void row(StringBuilder out, String what, String figure) {
    out.append("| ").append(what).append(" | ").append(figure).append(" |\n");
  }

  private interface Step {
    void run(int i) throws Exception;
  }

  /** Runs steps 0..n-1 on four threads, as several people or clients would; the first failure ends it. */
  private static void inParallel(int n, Step step) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int k = i;
        work.add(pool.submit(() -> {
          step.run(k);
          return null;
        }));
      }
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void sleepUntil(Instant t) throws InterruptedException {
    long ms = Duration.between(Instant.now(), t).toMillis();
    if (ms > 0) {
      Thread.sleep(ms);
    }
  }
}
