package org.socius.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.socius.bench.PeopleBenchmark.Rows;
import org.socius.testing.SociusApp;
import org.socius.testing.Teams;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Feed search at size: ITEMS stored feed items (default 1,000,000) in FEEDS feeds (default
 * 2,000) of one workspace, their text drawn from a Zipf-distributed vocabulary
 * ({@link FeedSearchBenchmarkText}), seeded with SQL batches; two members with their own read
 * and starred state. Then p50/p95 of ten searches through the API (and two through the reading
 * page), one request at a time against the running app. Not part of the test suite; run by
 * bench/feeds-search.sh, which writes target/bench-feeds-search-&lt;store&gt;.txt.
 */
class FeedSearchBenchmark {

  static final long DAY = 86_400_000L;
  static final String[] CATEGORIES = "Tech Science Politics Local Music Art Books Sport Climate Food Travel Friends".split(" ");
  /** Three fairly common words planted together in one item in 500, as a phrase people remember. */
  static final int[] PHRASE = {300, 700, 1500};

  /** One search: what it asks and how many items carry all its words (counted after seeding). */
  record Query(String name, String words, String filters, boolean page) {}

  @Test
  void feedSearchAtSize() throws Exception {
    String store = System.getProperty("bench.store", "sqlite");
    int itemCount = Integer.getInteger("bench.items", 1_000_000);
    int feedCount = Integer.getInteger("bench.feeds", 2_000);
    int warmup = Integer.getInteger("bench.warmup", 10);
    int requests = Integer.getInteger("bench.requests", 100);
    String db = store.equals("sqlite") ? null : System.getProperty("bench.db") != null ? System.getProperty("bench.db") : BenchDatabase.create();
    Path dir = Files.createTempDirectory("socius-bench-feeds");
    var text = new FeedSearchBenchmarkText();
    try (SociusApp app = SociusApp.startOn(db, dir, Map.of("socius.networks.sync-interval", "24h"))) {
      app.bean(org.socius.team.Accounts.class).createUser("Installation Owner", "installer@socius.test", "installer-password-1");
      var team = Teams.create(app);
      team.join("editor");
      JdbcClient jdbc = app.bean(JdbcClient.class);
      List<String> members = jdbc.sql("SELECT id FROM members WHERE workspace_id = :ws ORDER BY role DESC").param("ws",
          team.workspaceId()).query(String.class).list(); // owner first
      long now = System.currentTimeMillis();

      long start = System.nanoTime();
      String[][] authors;
      try (Connection c = app.bean(DataSource.class).getConnection()) {
        c.setAutoCommit(false);
        List<String[]> dropped = db == null ? List.of() : dropIndexes(c);
        authors = seedFeeds(c, team.workspaceId(), feedCount, now, new Random(1), text);
        seedItems(c, team.workspaceId(), members, itemCount, feedCount, authors, now, new Random(2), text);
        c.commit();
        for (String[] index : dropped) {
          try (var s = c.createStatement()) {
            s.execute("SET maintenance_work_mem = '512MB'");
            s.execute(index[1]);
          }
          c.commit();
        }
        countItemsAndReads(c); // after the indexes are back: it counts each feed's items through one
        c.commit();
        c.setAutoCommit(true);
      }
      double seedSeconds = (System.nanoTime() - start) / 1e9;
      if (db != null) {
        jdbc.sql("ANALYZE").update();
      } else {
        jdbc.sql("PRAGMA optimize").query(rs -> { });
      }
      System.out.printf("seeded in %.0f s%n", seedSeconds);

      String w = text.words[40];
      String rare = text.words[120_000];
      String medium = text.words[2_000];
      String phrase = text.words[PHRASE[0]] + " " + text.words[PHRASE[1]] + " " + text.words[PHRASE[2]];
      String author = authors[0][0];
      String sub = "sub-00007";
      String category = "cat-03";
      String lastMonth = "&from=" + Instant.ofEpochMilli(now - 30 * DAY) + "&to=" + Instant.ofEpochMilli(now + DAY);
      List<Query> queries = List.of(
          new Query("rare word", rare, "", false),
          new Query("medium word", medium, "", false),
          new Query("common word", w, "", false),
          new Query("the commonest word", "the", "", false),
          new Query("two words", medium + " " + w, "", false),
          new Query("three words of a phrase", phrase, "", false),
          new Query("author name", author, "", false),
          new Query("common word, one feed", w, "&feed=" + sub, false),
          new Query("medium word, one category", medium, "&category=" + category, false),
          new Query("common word, last 30 days, unread", w, lastMonth + "&show=unread", false),
          new Query("common word (reading page)", w, "", true),
          new Query("two words (reading page)", medium + " " + w, "", true),
          new Query("no search (reading page, for comparison)", "", "&show=all", true),
          new Query("starred, no search (reading page)", "", "&show=starred", true));

      String api = "/api/v1/workspaces/" + team.workspaceId() + "/feeds/items?q=";
      String page = "/w/" + team.slug() + "/feeds?q=";
      var web = team.owner().web();
      // the reading page also counts every feed's unread items, which at size costs far more than
      // the search: bench.page-requests (default bench.requests) keeps a run at a million short
      int pageRequests = Integer.getInteger("bench.page-requests", requests);
      Map<Query, long[]> times = new LinkedHashMap<>();
      for (Query q : queries) {
        int n = q.page() ? pageRequests : requests;
        times.put(q, new long[n]);
        String path = (q.page() ? page : api) + URLEncoder.encode(q.words(), StandardCharsets.UTF_8) + q.filters();
        for (int i = q.page() ? -Math.min(warmup, n) : -warmup; i < n; i++) {
          long t = System.nanoTime();
          var r = q.page() ? web.get(path) : web.api("GET", path, team.ownerToken(), null);
          long took = System.nanoTime() - t;
          if (r.status() != 200) {
            throw new IllegalStateException(q.name() + " " + path + " answered " + r.status() + ": " + r.body());
          }
          if (i >= 0) {
            times.get(q)[i] = took;
          }
        }
      }

      StringBuilder out = new StringBuilder();
      out.append(String.format("Feed search on %s: %,d items in %,d feeds, seeded in %.0f s; %d requests each (pages %d) after %d warm-up%n",
          store, itemCount, feedCount, seedSeconds, requests, pageRequests, warmup));
      out.append("| query | words | items with the words | p50 ms | p95 ms |\n|---|---|---|---|---|\n");
      for (var e : times.entrySet()) {
        Query q = e.getKey();
        long[] s = e.getValue().clone();
        Arrays.sort(s);
        out.append(String.format("| %s | `%s%s` | %,d | %.1f | %.1f |%n", q.name(), q.words(), q.filters().replaceAll("=[^&]*T[^&]*", "=…"),
            matches(jdbc, db == null, q.words()), s[s.length / 2] / 1e6, s[(int) Math.ceil(s.length * 0.95) - 1] / 1e6));
      }
      System.out.print(out);
      Files.createDirectories(Path.of("target"));
      Files.writeString(Path.of("target/bench-feeds-search-" + store + ".txt"), out.toString());
    }
  }

  /** Items that carry every word, whatever the filters. */
  static long matches(JdbcClient jdbc, boolean sqlite, String words) {
    if (words.isEmpty()) {
      return jdbc.sql("SELECT COUNT(*) FROM feed_items").query(Long.class).single();
    }
    String sql = sqlite ? "SELECT COUNT(*) FROM feed_items_fts WHERE feed_items_fts MATCH :q"
        : "SELECT COUNT(*) FROM feed_items WHERE search @@ plainto_tsquery('simple', :q)";
    String q = sqlite ? String.join(" ", Arrays.stream(words.split(" ")).map(x -> "\"" + x + "\"").toList()) : words;
    return jdbc.sql(sql).param("q", q).query(Long.class).single();
  }

  /**
   * On PostgreSQL the feed items' secondary indexes (above all the search's GIN index) are
   * dropped before the load and built again after it, as one would restore a dump: building
   * them once is many times faster than keeping them up to date row by row.
   */
  static List<String[]> dropIndexes(Connection c) throws SQLException {
    List<String[]> indexes = new ArrayList<>();
    try (var s = c.createStatement(); var rs = s.executeQuery("SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN "
        + "('feed_items', 'feed_item_states') AND indexname NOT LIKE '%pkey'")) {
      while (rs.next()) {
        indexes.add(new String[] {rs.getString(1), rs.getString(2)});
      }
    }
    for (String[] index : indexes) {
      try (var s = c.createStatement()) {
        s.execute("DROP INDEX " + index[0]);
      }
    }
    return indexes;
  }

  /** Feeds with one to three authors each, every feed subscribed; most in one category, some in two. */
  static String[][] seedFeeds(Connection c, String ws, int count, long now, Random r, FeedSearchBenchmarkText text)
      throws SQLException {
    String[][] authors = new String[count][];
    try (var cats = new Rows(c, "feed_categories", "id, workspace_id, name", 3)) {
      for (int k = 0; k < CATEGORIES.length; k++) {
        cats.add(String.format("cat-%02d", k), ws, CATEGORIES[k]);
      }
    }
    List<String[]> inCategories = new ArrayList<>();
    try (var feeds = new Rows(c, "feeds", "id, url, host, title, interval_seconds, next_fetch_at, created_at", 7);
        var subs = new Rows(c, "feed_subscriptions", "id, workspace_id, feed_id, created_at", 4).after(feeds)) {
      for (int f = 0; f < count; f++) {
        String id = String.format("feed-%05d", f);
        // never due: the scheduler leaves these made-up addresses alone
        feeds.add(id, "https://blog" + f + ".example/feed.xml", "blog" + f + ".example", text.title(r, 2 + r.nextInt(2)), 3600,
            now + 3650 * DAY, now - 800 * DAY);
        String sub = String.format("sub-%05d", f);
        subs.add(sub, ws, id, now - 800 * DAY);
        int k = r.nextInt(CATEGORIES.length + 3);
        if (k < CATEGORIES.length) {
          inCategories.add(new String[] {sub, String.format("cat-%02d", k)});
          if (r.nextInt(10) == 0) {
            inCategories.add(new String[] {sub, String.format("cat-%02d", (k + 1) % CATEGORIES.length)});
          }
        }
        authors[f] = new String[1 + r.nextInt(3)];
        for (int a = 0; a < authors[f].length; a++) {
          authors[f][a] = PeopleBenchmark.FIRST[r.nextInt(PeopleBenchmark.FIRST.length)] + " "
              + PeopleBenchmark.LAST[r.nextInt(PeopleBenchmark.LAST.length)];
        }
      }
    }
    try (var inCats = new Rows(c, "feed_subscription_categories", "subscription_id, category_id", 2)) {
      for (String[] row : inCategories) {
        inCats.add((Object[]) row);
      }
    }
    return authors;
  }

  /** The counts behind unread counts, as the application keeps them (the seeding wrote around it). */
  static void countItemsAndReads(Connection c) throws SQLException {
    try (var s = c.createStatement()) {
      s.execute("UPDATE feeds SET item_count = (SELECT COUNT(*) FROM feed_items i WHERE i.feed_id = feeds.id)");
      s.execute("""
          INSERT INTO feed_read_counts (member_id, feed_id, read_count)
          SELECT st.member_id, i.feed_id, COUNT(*) FROM feed_item_states st JOIN feed_items i ON i.id = st.item_id
           WHERE st.read_at IS NOT NULL GROUP BY st.member_id, i.feed_id""");
    }
  }

  /**
   * Items over two years (more of them recent), each with a title, an author, a summary of 20 to
   * 45 words and, for seven in ten, content of two to four paragraphs (about 60 words each). The
   * owner has read most items older than a month and a few newer ones; the other member fewer.
   */
  static void seedItems(Connection c, String ws, List<String> members, int count, int feedCount, String[][] authors, long now,
      Random r, FeedSearchBenchmarkText text) throws SQLException {
    String phrase = " " + text.words[PHRASE[0]] + " " + text.words[PHRASE[1]] + " " + text.words[PHRASE[2]];
    try (var items = new Rows(c, "feed_items", "id, feed_id, guid, url, content_hash, title, author, summary, content, published_at, "
        + "first_seen_at", 11);
        var states = new Rows(c, "feed_item_states", "member_id, item_id, workspace_id, read_at, starred_at", 5).after(items)) {
      for (int i = 0; i < count; i++) {
        int f = r.nextInt(feedCount);
        String id = String.format("item-%08d", i);
        long published = now - (long) (Math.pow(r.nextDouble(), 1.5) * 730 * DAY);
        boolean planted = r.nextInt(500) == 0;
        String title = text.title(r, 4 + r.nextInt(6)) + (planted ? phrase : "");
        StringBuilder summary = new StringBuilder();
        text.sentence(r, 20 + r.nextInt(26), summary);
        String content = r.nextInt(10) < 7 ? text.html(r, 2 + r.nextInt(3)) : "";
        String url = "https://blog" + f + ".example/" + i;
        items.add(id, String.format("feed-%05d", f), url, url, Integer.toHexString(id.hashCode()), title,
            authors[f][r.nextInt(authors[f].length)], summary.toString(), content, published, published);
        boolean old = published < now - 30 * DAY;
        Long ownerRead = r.nextInt(10) < (old ? 6 : 2) ? published + DAY : null;
        Long starred = r.nextInt(100) == 0 ? published + DAY : null;
        if (ownerRead != null || starred != null) {
          states.add(members.get(0), id, ws, ownerRead, starred);
        }
        if (r.nextInt(10) == 0) {
          states.add(members.get(1), id, ws, published + DAY, null);
        }
      }
    }
  }
}
