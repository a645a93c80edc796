package org.socius.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.socius.people.internal.InteractionStore;
import org.socius.people.internal.PersonSearch;
import org.socius.testing.SociusApp;
import org.socius.testing.Teams;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * People at size: PEOPLE people with INTERACTIONS interactions in one workspace, seeded with SQL
 * batches, then p50/p95 of the pages and API calls a member uses, measured through HTTP against
 * the running app (in this JVM; the client sends one request at a time). Not part of the test
 * suite; run by bench/people.sh.
 *
 * <p>Seeding is a list of {@link Step}s that each write one kind of data for the workspace, and
 * the measured requests a list of {@link Target}s: a further kind of data (e.g. inbox items) is
 * one more step and its page one more target.
 */
class PeopleBenchmark {

  /** What a seeding step knows of the workspace it fills. */
  record Workspace(String id, String slug, String ownerMemberId, long now, Random random, List<String> personIds,
      List<String> conversationIds) {}

  /** One kind of data written for the workspace, with SQL batches on one connection. */
  interface Step {
    String name();

    void run(Connection db, Workspace ws) throws SQLException;
  }

  /** One request measured: a name and a path (drawn anew for each request), as a page with the session or the API with the token. */
  record Target(String name, boolean api, Supplier<String> path) {}

  static final String[] FIRST = ("Ann Annette Anna Bo Bob Cy Cyril Dee Dora Eve Eva Finn Greta Hans Ida Ivo Jon Julia Karl Kai Lea Lena "
      + "Lukas Mia Max Nina Noah Ole Otto Paula Paul Rosa Sara Sven Tom Tina Ute Vera Willem Xaver Yara Zoe Mateo Sofia Omar Leila Chen "
      + "Mei Ravi Priya Kofi Ama Aiko Kenji Olga Ivan Fatima Yusuf Lucia Marco").split(" ");
  static final String[] LAST = ("Bell Berg Haas Müller Schmidt Novak Rossi Garcia Smith Jones Brown Taylor Wilson Moore Clark Lewis Young "
      + "King Wright Scott Green Baker Adams Nelson Hill Campbell Mitchell Roberts Carter Phillips Evans Turner Torres Parker Collins "
      + "Edwards Stewart Flores Morris Nguyen Murphy Rivera Cook Rogers Morgan Peterson Cooper Reed Bailey Bauer Weber Wagner Becker "
      + "Hoffmann Schäfer Koch Richter Klein Wolf Schröder Neumann").split(" ");
  static final String[] WORDS = ("bell ringer organist choir director teacher parish gardener photographer writer coder designer nurse "
      + "baker runner cyclist climber reader history music art poetry science climate cities transit housing books film jazz folk "
      + "coffee tea cooking travel hiking birds trees rivers mountains open source privacy community volunteer mentor student father "
      + "mother sister brother neighbour friend maker woodwork knitting pottery painting chess football sailing").split(" ");
  static final String[] TAGS = ("choir friends family work press donors volunteers neighbours parish school club team advisors mentors "
      + "partners artists writers local abroad").split(" ");
  static final String[] KINDS_IN = {"favourited", "favourited", "favourited", "followed", "mentioned", "replied", "reposted", "quoted",
      "messaged"};
  static final String[] KINDS_OUT = {"replied", "mentioned", "messaged", "manual"};
  static final long DAY = 86_400_000L;

  /** People, one or two accounts each, tags, a few notes, keep-in-touch cadences for one in ten. */
  static Step people(int count) {
    return new Step() {
      public String name() {
        return "people " + count;
      }

      public void run(Connection db, Workspace ws) throws SQLException {
        Random r = ws.random();
        try (var persons = new Rows(db, "people", "id, workspace_id, display_name, website, cadence_days, created_at, updated_at", 7);
            var accounts = new Rows(db, "person_identities", "id, person_id, workspace_id, network, remote_id, handle, display_name, "
                + "bio_html, bio_text, profile_url, first_seen_at, last_seen_at", 12).after(persons);
            var tags = new Rows(db, "person_tags", "person_id, workspace_id, tag", 3).after(persons);
            var notes = new Rows(db, "person_notes", "id, person_id, workspace_id, member_id, body, created_at", 6).after(persons)) {
          for (int i = 0; i < count; i++) {
            String id = String.format("p%08d-bench", i);
            ws.personIds().add(id);
            String first = FIRST[r.nextInt(FIRST.length)];
            String last = LAST[r.nextInt(LAST.length)];
            String name = first + " " + last;
            long created = ws.now() - (long) (r.nextDouble() * 730 * DAY);
            Integer cadence = r.nextInt(10) == 0 ? new int[] {14, 30, 60, 90}[r.nextInt(4)] : null;
            persons.add(id, ws.id(), name, r.nextInt(5) == 0 ? "https://" + first.toLowerCase() + i + ".example" : "", cadence, created,
                created);
            int n = r.nextInt(5) == 0 ? 2 : 1;
            for (int a = 0; a < n; a++) {
              boolean mastodon = (i + a) % 2 == 0;
              String user = (first + "." + last).toLowerCase().replace("ü", "u").replace("ä", "a").replace("ö", "o") + i;
              String handle = mastodon ? "@" + user + "@server" + (i % 50) + ".example" : user + ".bsky.social";
              String bio = bio(r);
              accounts.add(id + "-" + a, id, ws.id(), mastodon ? "mastodon" : "bluesky", "remote-" + i + "-" + a, handle, name,
                  "<p>" + bio + "</p>", bio, mastodon ? "https://server" + (i % 50) + ".example/@" + user
                      : "https://bsky.app/profile/" + handle, created, created);
            }
            if (r.nextInt(10) < 3) {
              tags.add(id, ws.id(), TAGS[r.nextInt(TAGS.length)]);
            }
            if (r.nextInt(10) == 0) {
              notes.add(id + "-n", id, ws.id(), ws.ownerMemberId(), "Met at the " + bio(r) + " meetup; ask about " + WORDS[r.nextInt(
                  WORDS.length)], created);
            }
          }
        }
      }
    };
  }

  /**
   * Interactions over the last two years, spread unevenly as in life: a few people have
   * thousands, most a handful (person index drawn as count·u², u uniform).
   */
  static Step interactions(int count) {
    return new Step() {
      public String name() {
        return "interactions " + count;
      }

      public void run(Connection db, Workspace ws) throws SQLException {
        Random r = ws.random();
        List<String> ids = ws.personIds();
        try (var rows = new Rows(db, "interactions", "id, workspace_id, person_id, identity_id, direction, kind, network_event_id, "
            + "member_id, text, url, occurred_at, created_at", 12)) {
          for (int i = 0; i < count; i++) {
            double u = r.nextDouble();
            String person = ids.get((int) (ids.size() * u * u));
            boolean in = r.nextInt(10) < 7;
            String kind = in ? KINDS_IN[r.nextInt(KINDS_IN.length)] : KINDS_OUT[r.nextInt(KINDS_OUT.length)];
            boolean manual = kind.equals("manual");
            long at = ws.now() - (long) (Math.pow(r.nextDouble(), 2) * 730 * DAY); // more recent than old
            String text = kind.equals("favourited") || kind.equals("followed") ? "" : "About " + bio(r);
            rows.add("i" + i, ws.id(), person, manual ? null : person + "-0", in ? "in" : "out", kind, manual ? null : "e" + i,
                in ? null : ws.ownerMemberId(), text, "", at, at);
          }
        }
      }
    };
  }

  static final String[] INBOX_TYPES = {"MENTION", "REPLY", "DIRECT_MESSAGE", "NEW_FOLLOWER"};
  static final String[] INBOX_STATES = {"open", "waiting", "waiting", "done", "done"};

  /**
   * Inbox items of the workspace's people, two to a conversation, over the last year: four
   * channels, a fifth assigned to the owner, states mixed (the inbox's own shape, as
   * InboxBenchmark writes it, but of the people seeded here).
   */
  static Step inbox(int items) {
    return new Step() {
      public String name() {
        return "inbox items " + items;
      }

      public void run(Connection db, Workspace ws) throws SQLException {
        Random r = ws.random();
        List<String> ids = ws.personIds();
        try (var conversations = new Rows(db, "inbox_conversations", "id, workspace_id, channel_id, network, thread_key, type, person_id, "
            + "person_name, actor_id, actor_handle, state, assignee_member_id, excerpt, last_at, unanswered_since, items, created_at, "
            + "updated_at", 18);
            var rows = new Rows(db, "inbox_items", "id, workspace_id, conversation_id, channel_id, direction, type, source_id, remote_id, "
                + "actor_id, actor_handle, actor_name, text, occurred_at, created_at", 14).after(conversations)) {
          for (int i = 0; i < items / 2; i++) {
            String id = String.format("c%08d-bench", i);
            ws.conversationIds().add(id);
            double u = r.nextDouble();
            int who = (int) (ids.size() * u * u);
            String person = ids.get(who);
            long last = ws.now() - (long) (r.nextDouble() * 365 * DAY);
            String type = INBOX_TYPES[r.nextInt(INBOX_TYPES.length)];
            String state = INBOX_STATES[r.nextInt(INBOX_STATES.length)];
            String channel = "channel-" + r.nextInt(4);
            conversations.add(id, ws.id(), channel, "mastodon", "t:" + id, type, person, "Person " + who, "remote-" + who + "-0",
                "@person" + who + "@example.social", state, r.nextInt(5) == 0 ? ws.ownerMemberId() : null, "About " + bio(r), last,
                state.equals("open") ? last : null, 2, last - 60_000, last);
            for (int k = 0; k < 2; k++) {
              rows.add(id + "-" + k, ws.id(), id, channel, "in", type, "s" + i + "-" + k, "post-" + i + "-" + k, "remote-" + who + "-0",
                  "@person" + who + "@example.social", "Person " + who, "Words " + k + ": " + bio(r), last - 60_000 * (1 - k), last);
            }
          }
        }
      }
    };
  }

  /**
   * What the application keeps from what the steps wrote: each person's last contact and latest
   * conversation, and the search index. Runs through the application, after the steps' transactions.
   */
  static void derive(SociusApp app, Workspace ws) {
    app.bean(JdbcClient.class).sql("""
        UPDATE people SET last_interaction_at = (SELECT MAX(i.occurred_at) FROM interactions i WHERE i.person_id = people.id)
         WHERE workspace_id = :ws""").param("ws", ws.id()).update();
    app.bean(InteractionStore.class).recomputeConversations(ws.id());
    app.bean(PersonSearch.class).indexMissing();
  }

  static String bio(Random r) {
    StringBuilder b = new StringBuilder();
    for (int w = 0; w < 8; w++) {
      b.append(w == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
    }
    return b.toString();
  }

  @Test
  void peopleAtSize() throws Exception {
    String store = System.getProperty("bench.store", "sqlite");
    int peopleCount = Integer.getInteger("bench.people", 100_000);
    int interactionCount = Integer.getInteger("bench.interactions", 1_000_000);
    int inboxCount = Integer.getInteger("bench.inbox", 200_000);
    int ingestCount = Integer.getInteger("bench.ingest", 2_000);
    int warmup = Integer.getInteger("bench.warmup", 50);
    int requests = Integer.getInteger("bench.requests", 300);
    String db = store.equals("sqlite") ? null : BenchDatabase.create();
    Path dir = Files.createTempDirectory("socius-bench-people");
    try (SociusApp app = SociusApp.startOn(db, dir, Map.of("socius.networks.sync-interval", "24h"))) {
      app.bean(org.socius.team.Accounts.class).createUser("Installation Owner", "installer@socius.test", "installer-password-1");
      var team = Teams.create(app);
      String member = app.bean(JdbcClient.class).sql("SELECT id FROM members WHERE workspace_id = :ws").param("ws", team.workspaceId())
          .query(String.class).list().get(0);
      Workspace ws = new Workspace(team.workspaceId(), team.slug(), member, System.currentTimeMillis(), new Random(42),
          new ArrayList<>(), new ArrayList<>());

      List<Step> steps = List.of(people(peopleCount), interactions(interactionCount), inbox(inboxCount));
      Map<String, Double> seeding = new LinkedHashMap<>();
      try (Connection c = app.bean(DataSource.class).getConnection()) {
        for (Step step : steps) {
          long t = System.nanoTime();
          c.setAutoCommit(false);
          step.run(c, ws);
          c.commit();
          c.setAutoCommit(true);
          seeding.put(step.name(), (System.nanoTime() - t) / 1e9);
          System.out.printf("seeded %s in %.1f s%n", step.name(), seeding.get(step.name()));
        }
      }
      long derivedStart = System.nanoTime();
      derive(app, ws);
      seeding.put("derived (last contact, conversations, search index)", (System.nanoTime() - derivedStart) / 1e9);
      if (db != null) {
        // as autovacuum leaves a table after a bulk load (PostgreSQL 13+ vacuums after inserts too):
        // statistics, and the visibility map that lets counts read the index alone
        app.bean(JdbcClient.class).sql("VACUUM ANALYZE").update();
      } else {
        app.bean(JdbcClient.class).sql("PRAGMA optimize").query(rs -> { });
      }

      Random pick = new Random(7);
      String[] queries = {"ann", "müller", "berg", "choir", "sven.b", "photographer", "jazz coffee", "lukas", "donors", "server7"};
      String base = "/w/" + ws.slug() + "/people";
      String api = "/api/v1/workspaces/" + ws.id() + "/people";
      List<Target> targets = List.of(
          new Target("person page", false, () -> base + "/" + ws.personIds().get(pick.nextInt(ws.personIds().size()))),
          new Target("people list, first page", false, () -> base),
          new Target("reconnect list (API)", true, () -> api + "/reconnect"),
          new Target("people search (API)", true, () -> api + "?q=" + enc(queries[pick.nextInt(queries.length)])),
          new Target("people search (page)", false, () -> base + "?q=" + enc(queries[pick.nextInt(queries.length)])),
          new Target("inbox first page (page)", false, () -> "/w/" + ws.slug() + "/inbox"),
          new Target("inbox first page (API)", true, () -> "/api/v1/workspaces/" + ws.id() + "/inbox?limit=50"),
          new Target("conversation (API)", true, () -> "/api/v1/workspaces/" + ws.id() + "/inbox/"
              + ws.conversationIds().get(pick.nextInt(ws.conversationIds().size()))));

      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      var web = team.owner().web();
      Map<String, long[]> times = new LinkedHashMap<>();
      Map<String, List<Long>> byQuery = new java.util.TreeMap<>(); // the API search, per query
      for (Target t : targets) {
        times.put(t.name(), new long[requests]);
      }
      for (int round = -warmup; round < requests; round++) {
        for (Target t : targets) {
          String path = t.path().get();
          long start = System.nanoTime();
          int status;
          if (t.api()) {
            var r = client.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).header("Authorization", "Bearer "
                + team.ownerToken()).header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            status = r.statusCode();
          } else {
            status = web.get(path).status();
          }
          long took = System.nanoTime() - start;
          if (status != 200) {
            throw new IllegalStateException(t.name() + " " + path + " answered " + status);
          }
          if (round >= 0) {
            times.get(t.name())[round] = took;
            if (t.api() && path.contains("?q=")) {
              byQuery.computeIfAbsent(path.substring(path.indexOf("?q=") + 3), k -> new ArrayList<>()).add(took);
            }
          }
        }
      }

      StringBuilder out = new StringBuilder();
      out.append(String.format("store %s, %,d people, %,d interactions, %,d inbox items, %d requests each after %d warm-up rounds%n",
          store, peopleCount, interactionCount, inboxCount, requests, warmup));
      seeding.forEach((k, v) -> out.append(String.format("seeding: %s %.1f s%n", k, v)));
      out.append(String.format("%-28s %8s %8s %8s%n", "request", "p50 ms", "p95 ms", "max ms"));
      times.forEach((k, v) -> {
        long[] s = v.clone();
        Arrays.sort(s);
        out.append(String.format("%-28s %8.1f %8.1f %8.1f%n", k, s[s.length / 2] / 1e6, s[(int) Math.ceil(s.length * 0.95) - 1] / 1e6,
            s[s.length - 1] / 1e6));
      });
      out.append("people search (API) by query:\n");
      byQuery.forEach((q, v) -> {
        long[] s = v.stream().mapToLong(Long::longValue).sorted().toArray();
        out.append(String.format("  %-26s %8.1f %8.1f %8.1f  (%d)%n", java.net.URLDecoder.decode(q, StandardCharsets.UTF_8),
            s[s.length / 2] / 1e6, s[(int) Math.ceil(s.length * 0.95) - 1] / 1e6, s[s.length - 1] / 1e6, s.length));
      });
      out.append(Ingest.run(app, ws.id(), ingestCount, 1)).append(Ingest.run(app, ws.id(), ingestCount, Ingest.PAGE));
      System.out.print(out);
      Files.createDirectories(Path.of("target"));
      Files.writeString(Path.of("target/bench-people-" + store + ".txt"), out.toString());
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /**
   * Rows for one table, written as multi-row INSERTs of 200 rows, committed every 20,000 rows so
   * that the application's own writers (the scheduler's heartbeat) are not locked out of SQLite
   * for minutes.
   */
  static final class Rows implements AutoCloseable {
    static final int PER_STATEMENT = 200;
    static final int PER_COMMIT = 20_000;
    private long written;
    private final Connection db;
    private final String table;
    private final String columns;
    private final int width;
    private final List<Object[]> pending = new ArrayList<>();
    private PreparedStatement full;
    private Rows parent;

    Rows(Connection db, String table, String columns, int width) {
      this.db = db;
      this.table = table;
      this.columns = columns;
      this.width = width;
    }

    /** Rows that refer to the parent's: the parent's pending rows are written first. */
    Rows after(Rows parent) {
      this.parent = parent;
      return this;
    }

    void add(Object... values) throws SQLException {
      pending.add(values);
      if (pending.size() == PER_STATEMENT) {
        if (parent != null) {
          parent.flush();
        }
        if (full == null) {
          full = db.prepareStatement(sql(PER_STATEMENT));
        }
        write(full);
      }
    }

    void flush() throws SQLException {
      if (!pending.isEmpty()) {
        try (var s = db.prepareStatement(sql(pending.size()))) {
          write(s);
        }
      }
    }

    private String sql(int rows) {
      String one = "(" + String.join(", ", java.util.Collections.nCopies(width, "?")) + ")";
      return "INSERT INTO " + table + " (" + columns + ") VALUES " + String.join(", ", java.util.Collections.nCopies(rows, one));
    }

    private void write(PreparedStatement s) throws SQLException {
      int p = 1;
      for (Object[] row : pending) {
        for (Object v : row) {
          s.setObject(p++, v);
        }
      }
      s.executeUpdate();
      written += pending.size();
      if (written % PER_COMMIT < pending.size() && !db.getAutoCommit()) {
        db.commit();
      }
      pending.clear();
    }

    @Override
    public void close() throws SQLException {
      if (parent != null) {
        parent.flush();
      }
      flush();
      if (full != null) {
        full.close();
      }
    }
  }
}
