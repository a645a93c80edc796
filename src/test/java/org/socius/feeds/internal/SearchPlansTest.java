package org.socius.feeds.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.platform.Ids;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.socius.testing.Teams;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A search lists the same items, newest first and page by page, whichever way the database finds
 * them (SQLite picks one of several by the number of matches, PostgreSQL searches the newest items
 * first or all at once; each is forced here in turn), with every filter: feed, category,
 * publication range and unread.
 */
class SearchPlansTest {

  record Item(String id, String subscriptionId, String text, long publishedAt, boolean read, boolean starred) {}

  @ParameterizedTest
  @EnumSource(Store.class)
  void everyWayOfSearchingListsTheSameItemsNewestFirstWithEveryFilter(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    JdbcClient jdbc = app.bean(JdbcClient.class);
    String ws = team.workspaceId();
    String member = jdbc.sql("SELECT id FROM members WHERE workspace_id = :ws").param("ws", ws).query(String.class).single();
    String tag = Ids.newId().replace("-", "").substring(20);
    String common = "often" + tag;
    String rare = "seldom" + tag;
    Instant now = Instant.now();
    List<String> subs = new ArrayList<>();
    for (int f = 0; f < 2; f++) {
      String feedId = app.bean(FeedStore.class).insert(Ids.newId(), "https://plans.example/" + tag + "/" + f, "plans.example",
          new FeedStore.Details("Feed " + f, null, null, null, null, null, "rss 2.0"), 900, now.plusSeconds(86_400), now);
      subs.add(app.bean(SubscriptionStore.class).subscribe(ws, feedId, "", now).id());
    }
    String category = Ids.newId();
    jdbc.sql("INSERT INTO feed_categories (id, workspace_id, name) VALUES (:id, :ws, 'Plans')").param("id", category).param("ws", ws).update();
    jdbc.sql("INSERT INTO feed_subscription_categories (subscription_id, category_id) VALUES (:s, :c)").param("s", subs.get(1))
        .param("c", category).update();

    List<Item> items = new ArrayList<>();
    // two days apart, over thirteen weeks: PostgreSQL's search of the latest weeks first widens from one week to four and sixteen
    long step = 2 * 86_400_000L;
    long base = now.toEpochMilli() - 100 * 86_400_000L;
    for (int i = 0; i < 90; i++) {
      String sub = subs.get(i % 3 == 0 ? 1 : 0);
      String feedId = jdbc.sql("SELECT feed_id FROM feed_subscriptions WHERE id = :s").param("s", sub).query(String.class).single();
      // pairs published at the same instant: the id decides their order
      long at = base + (i / 2) * step;
      String text = (i % 4 == 0 ? "" : common + " ") + (i % 7 == 0 ? rare + " " : "") + "item " + i;
      String id = Ids.newId();
      jdbc.sql("""
          INSERT INTO feed_items (id, feed_id, guid, content_hash, title, summary, published_at, first_seen_at)
          VALUES (:id, :feed, :id, :id, :title, :summary, :at, :at)""").param("id", id).param("feed", feedId)
          .param("title", "Item " + i).param("summary", text).param("at", at).update();
      boolean read = i % 5 == 0;
      boolean starred = i % 6 == 1 || i % 9 == 3;
      if (read || starred) {
        jdbc.sql("INSERT INTO feed_item_states (member_id, item_id, workspace_id, read_at, starred_at) VALUES (:m, :i, :ws, :at, :star)")
            .param("m", member).param("i", id).param("ws", ws).param("at", read ? at : null).param("star", starred ? at + 1 : null).update();
      }
      items.add(new Item(id, sub, text, at, read, starred));
    }

    long from = base + 10 * step;
    long to = base + 30 * step;
    ReadingList reading = app.bean(ReadingList.class);
    boolean sqlite = store == Store.SQLITE;
    // the counts behind unread counts, as the application keeps them (the items above were written around it)
    app.bean(ReadCounts.class).recountItems(jdbc.sql("SELECT feed_id FROM feed_subscriptions WHERE id = :s").param("s", subs.get(0))
        .query(String.class).single());
    app.bean(ReadCounts.class).recountItems(jdbc.sql("SELECT feed_id FROM feed_subscriptions WHERE id = :s").param("s", subs.get(1))
        .query(String.class).single());
    app.bean(ReadCounts.class).recountMember(member, jdbc.sql("SELECT feed_id FROM feed_subscriptions WHERE workspace_id = :ws")
        .param("ws", ws).query(String.class).list());
    // browsing without words: every way lists the same
    Predicate<Item> any = it -> true;
    check(sqlite, reading, ws, member, new ReadingList.Filter(ReadingList.Show.ALL, null, null), items, any);
    check(sqlite, reading, ws, member, new ReadingList.Filter(ReadingList.Show.UNREAD, null, null), items, it -> !it.read());
    check(sqlite, reading, ws, member, new ReadingList.Filter(ReadingList.Show.UNREAD, subs.get(1), null), items,
        it -> !it.read() && it.subscriptionId().equals(subs.get(1)));
    check(sqlite, reading, ws, member, new ReadingList.Filter(ReadingList.Show.ALL, null, category), items,
        it -> it.subscriptionId().equals(subs.get(1)));
    check(sqlite, reading, ws, member, new ReadingList.Filter(ReadingList.Show.STARRED, null, null), items, Item::starred);
    check(sqlite, reading, ws, member, new ReadingList.Filter(ReadingList.Show.STARRED, subs.get(0), null), items,
        it -> it.starred() && it.subscriptionId().equals(subs.get(0)));
    check(sqlite, reading, ws, member, new ReadingList.Filter(ReadingList.Show.STARRED, null, category), items,
        it -> it.starred() && it.subscriptionId().equals(subs.get(1)));
    for (String query : List.of(common, rare, common + " " + rare)) {
      Predicate<Item> words = it -> List.of(query.split(" ")).stream().allMatch(w -> it.text().contains(w + " "));
      check(sqlite, reading, ws, member, new ReadingList.Filter(ReadingList.Show.ALL, null, null, query, null, null), items, words);
      check(sqlite, reading, ws, member, new ReadingList.Filter(ReadingList.Show.ALL, subs.get(0), null, query, null, null), items,
          words.and(it -> it.subscriptionId().equals(subs.get(0))));
      check(sqlite, reading, ws, member, new ReadingList.Filter(ReadingList.Show.ALL, null, category, query, null, null), items,
          words.and(it -> it.subscriptionId().equals(subs.get(1))));
      check(sqlite, reading, ws, member, new ReadingList.Filter(ReadingList.Show.ALL, null, null, query, Instant.ofEpochMilli(from),
          Instant.ofEpochMilli(to)), items, words.and(it -> it.publishedAt() >= from && it.publishedAt() < to));
      check(sqlite, reading, ws, member, new ReadingList.Filter(ReadingList.Show.UNREAD, null, null, query, null, null), items,
          words.and(it -> !it.read()));
    }

    // nearly all of one feed read: its two unread items, found by a walk that stops once it met them
    long upTo = base + 40 * step;
    app.bean(StateStore.class).markAllRead(ws, member, subs.get(1), null, Instant.ofEpochMilli(upTo), now);
    Predicate<Item> unread = it -> !it.read() && !(it.subscriptionId().equals(subs.get(1)) && it.publishedAt() <= upTo);
    check(sqlite, reading, ws, member, new ReadingList.Filter(ReadingList.Show.UNREAD, subs.get(1), null), items,
        unread.and(it -> it.subscriptionId().equals(subs.get(1))));
    check(sqlite, reading, ws, member, new ReadingList.Filter(ReadingList.Show.UNREAD, null, category), items,
        unread.and(it -> it.subscriptionId().equals(subs.get(1))));
    check(sqlite, reading, ws, member, new ReadingList.Filter(ReadingList.Show.UNREAD, null, null), items, unread);
    assertThat(items.stream().filter(unread.and(it -> it.subscriptionId().equals(subs.get(1))))).hasSize(2);
    // all of it read: an empty page
    app.bean(StateStore.class).markAllRead(ws, member, subs.get(1), null, now, now);
    assertThat(reading.page(ws, member, new ReadingList.Filter(ReadingList.Show.UNREAD, subs.get(1), null), null, 4).entries()).isEmpty();
  }

  private static void check(boolean sqlite, ReadingList reading, String ws, String member, ReadingList.Filter filter, List<Item> items,
      Predicate<Item> expected) {
    List<String> want = items.stream().filter(expected)
        .sorted(Comparator.comparingLong(Item::publishedAt).thenComparing(Item::id).reversed()).map(Item::id).toList();
    assertThat(want).as("the case has items: " + filter).isNotEmpty();
    for (ReadingList.Plan plan : ReadingList.Plan.values()) {
      boolean postgresPlan = plan == ReadingList.Plan.PLANNER || plan == ReadingList.Plan.NEWEST_WEEKS;
      if (postgresPlan == sqlite || plan.name().startsWith("FEED_") && filter.subscriptionId() == null
          || plan == ReadingList.Plan.STARRED_FIRST && filter.show() != ReadingList.Show.STARRED) {
        continue; // PLANNER and NEWEST_WEEKS are PostgreSQL's, the rest SQLite's; walking one feed's items is only for a search
                  // within one feed; starred first lists only starred items
      }
      List<String> got = new ArrayList<>();
      String cursor = null;
      do {
        var page = reading.page(ws, member, filter, cursor, 4, plan);
        page.entries().forEach(e -> got.add(e.id()));
        cursor = page.next();
      } while (cursor != null);
      assertThat(got).as(plan + " " + filter).containsExactlyElementsOf(want);
    }
  }
}
