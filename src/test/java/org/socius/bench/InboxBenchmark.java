package org.socius.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.socius.networks.Actor;
import org.socius.networks.EventType;
import org.socius.networks.Network;
import org.socius.networks.NetworkEvent;
import org.socius.networks.NetworkEventRecorded;
import org.socius.networks.Post;
import org.socius.platform.Ids;
import org.socius.team.Accounts;
import org.socius.testing.SociusApp;
import org.socius.testing.Teams;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inbox at size: one workspace with {@code bench.items} items (default 200,000) in half as
 * many conversations over a year, four channels, a fifth of them assigned, states mixed; then the
 * first page of the list (page and API, each filter), the next page and a conversation, timed
 * through HTTP (p50 / p95 of {@code bench.requests} requests after a warm-up); and the ingest
 * rate of network events through People and the inbox (each event in its own transaction, as
 * the networks capability delivers them). The bulk rows are written with plain SQL, the same
 * shape the inbox writes.
 */
class InboxBenchmark {

  static final String[] TYPES = {"MENTION", "REPLY", "DIRECT_MESSAGE", "NEW_FOLLOWER"};
  static final String[] STATES = {"open", "waiting", "waiting", "done", "done"};

  @Test
  void inboxAtSize() throws Exception {
    String store = System.getProperty("bench.store", "sqlite");
    int items = Integer.getInteger("bench.items", 200_000);
    int requests = Integer.getInteger("bench.requests", 200);
    int ingest = Integer.getInteger("bench.ingest", 2_000);
    String db = store.equals("postgres") ? BenchDatabase.create() : null;
    Path dir = Files.createTempDirectory("socius-bench-inbox");
    StringBuilder out = new StringBuilder();
    try (SociusApp app = SociusApp.startOn(db, dir, Map.of("socius.networks.sync-interval", "24h"))) {
      app.bean(Accounts.class).createUser("Installation Owner", "installer@socius.test", "installer-password-1");
      var team = Teams.create(app);
      String owner = ownerMemberId(app, team);
      long seedStart = System.nanoTime();
      List<String> ids = seed(app, team.workspaceId(), owner, items);
      double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

      String api = "/api/v1/workspaces/" + team.workspaceId() + "/inbox";
      String firstPage = team.owner().web().api("GET", api + "?limit=50", team.ownerToken(), null).body();
      String cursor = firstPage.replaceAll("(?s).*\"next\":\"([^\"]+)\".*", "$1");
      Map<String, Supplier<Integer>> cases = new LinkedHashMap<>();
      cases.put("page /w/{slug}/inbox (open, newest first)", () -> team.owner().web().get("/w/" + team.slug() + "/inbox").status());
      cases.put("API first page, all, newest first", () -> get(team, api + "?limit=50"));
      cases.put("API first page, oldest first", () -> get(team, api + "?limit=50&order=oldest"));
      cases.put("API next page (cursor)", () -> get(team, api + "?limit=50&cursor=" + cursor));
      cases.put("API state=open", () -> get(team, api + "?limit=50&state=open"));
      cases.put("API assignee=me", () -> get(team, api + "?limit=50&assignee=me"));
      cases.put("API type=direct_message&state=open", () -> get(team, api + "?limit=50&type=direct_message&state=open"));
      cases.put("API person=…", () -> get(team, api + "?limit=50&person=person-77"));
      cases.put("API one conversation", () -> get(team, api + "/" + ids.get(ids.size() / 2)));
      out.append(String.format("Inbox on %s: %,d items in %,d conversations (seeded in %.0f s); %d requests each after %d warm-up%n",
          store, items, ids.size(), seedSeconds, requests, requests / 4));
      out.append(String.format("| request | p50 ms | p95 ms |%n|---|---|---|%n"));
      for (var c : cases.entrySet()) {
        double[] ms = time(c.getValue(), requests);
        out.append(String.format("| %s | %.1f | %.1f |%n", c.getKey(), ms[0], ms[1]));
      }
      out.append(String.format("Ingest: %s%n", ingest(app, team.workspaceId(), ingest)));
    }
    Path file = Path.of("target", "bench-inbox-" + store + ".txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, out.toString());
    System.out.print(out);
  }

  private static int get(Teams.Team team, String path) {
    int status = team.owner().web().api("GET", path, team.ownerToken(), null).status();
    if (status != 200) {
      throw new IllegalStateException(path + " answered " + status);
    }
    return status;
  }

  private static double[] time(Supplier<Integer> call, int n) {
    for (int i = 0; i < n / 4; i++) {
      call.get();
    }
    double[] ms = new double[n];
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      int status = call.get();
      ms[i] = (System.nanoTime() - t) / 1e6;
      if (status != 200) {
        throw new IllegalStateException("answered " + status);
      }
    }
    Arrays.sort(ms);
    return new double[] {ms[n / 2], ms[(int) Math.ceil(n * 0.95) - 1]};
  }

  private static String ownerMemberId(SociusApp app, Teams.Team team) {
    return app.bean(JdbcTemplate.class).queryForObject("SELECT id FROM members WHERE workspace_id = ? AND role = 'owner'", String.class,
        team.workspaceId());
  }

  /** Conversations of two items each, over the last year; returns their ids. */
  private static List<String> seed(SociusApp app, String ws, String owner, int items) {
    JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
    TransactionTemplate tx = new TransactionTemplate(app.bean(PlatformTransactionManager.class));
    Random random = new Random(42);
    long now = System.currentTimeMillis();
    long year = 365L * 86_400_000L;
    List<String> ids = new ArrayList<>();
    int conversations = items / 2;
    int batch = 5_000;
    for (int from = 0; from < conversations; from += batch) {
      List<Object[]> convRows = new ArrayList<>();
      List<Object[]> itemRows = new ArrayList<>();
      for (int i = from; i < Math.min(conversations, from + batch); i++) {
        String id = Ids.newId();
        ids.add(id);
        long last = now - (long) (random.nextDouble() * year);
        String type = TYPES[random.nextInt(TYPES.length)];
        String state = STATES[random.nextInt(STATES.length)];
        String person = "person-" + random.nextInt(items / 10);
        String channel = "channel-" + random.nextInt(4);
        String assignee = random.nextInt(5) == 0 ? owner : null;
        convRows.add(new Object[] {id, ws, channel, "mastodon", "t:" + id, type, person, "Person " + person, "actor-" + person,
            "@" + person + "@example.social", state, assignee, "Hello there, conversation " + i, last, state.equals("open") ? last : null,
            2, last - 60_000, last});
        for (int k = 0; k < 2; k++) {
          itemRows.add(new Object[] {Ids.newId(), ws, id, channel, "in", type, Ids.newId(), "post-" + i + "-" + k, "actor-" + person,
              "@" + person + "@example.social", "Person " + person, "Words " + k + " of conversation " + i, last - 60_000 * (1 - k),
              last});
        }
      }
      tx.executeWithoutResult(s -> {
        jdbc.batchUpdate("""
            INSERT INTO inbox_conversations (id, workspace_id, channel_id, network, thread_key, type, person_id, person_name, actor_id,
                   actor_handle, state, assignee_member_id, excerpt, last_at, unanswered_since, items, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", convRows);
        jdbc.batchUpdate("""
            INSERT INTO inbox_items (id, workspace_id, conversation_id, channel_id, direction, type, source_id, remote_id, actor_id,
                   actor_handle, actor_name, text, occurred_at, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", itemRows);
      });
    }
    jdbc.execute("ANALYZE"); // both databases: the planner sees the table as it is
    return ids;
  }

  /** Mentions from new and known accounts, each stored as networks stores one: people, then the inbox. */
  private static String ingest(SociusApp app, String ws, int n) {
    TransactionTemplate tx = new TransactionTemplate(app.bean(PlatformTransactionManager.class));
    long t = System.nanoTime();
    for (int i = 0; i < n; i++) {
      String who = "ingest-" + (i % (n / 2));
      Actor actor = new Actor(who, "@" + who + "@example.social", "Ingest " + who, "", "", "", "");
      Instant at = Instant.now();
      NetworkEvent e = new NetworkEvent(Ids.newId(), ws, "channel-0", Network.MASTODON, EventType.MENTIONED, "n-" + i, actor,
          new Post("ingest-post-" + i, "", "Hello number " + i, "en", at, null, null), false, at, at);
      tx.executeWithoutResult(s -> app.context().publishEvent(new NetworkEventRecorded(e)));
    }
    double seconds = (System.nanoTime() - t) / 1e9;
    return String.format("%,d mention events (half from accounts met before) into People and the inbox in %.1f s: %.0f events/s", n,
        seconds, n / seconds);
  }
}
