package org.socius.feeds.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.feeds.internal.parse.ParsedFeed;
import org.socius.platform.Ids;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.socius.testing.Teams;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Dedup keys in order (guid, link, content) and the bounded history that never drops a starred item. */
class HistoryTest {

  static ParsedFeed.Item item(String guid, String title, String url, Instant at) {
    return new ParsedFeed.Item(guid, title, url, "<p>" + title + "</p>", null, List.of(), at, null, List.of(), List.of(), null);
  }

  static ParsedFeed feed(List<ParsedFeed.Item> items) {
    return new ParsedFeed("rss 2.0", "T", null, null, null, null, null, List.of(), null, null, items);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void itemsAreMatchedByGuidThenLinkThenContentAndHistoryKeepsStarredItems(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    JdbcClient jdbc = app.bean(JdbcClient.class);
    Instant now = Instant.now();
    String url = "https://history.example/" + Ids.newId() + "/feed";
    String feedId = app.bean(FeedStore.class).insert(Ids.newId(), url, "history.example",
        new FeedStore.Details("T", null, null, null, null, null, "rss 2.0"), 900, now, now);
    app.bean(SubscriptionStore.class).subscribe(team.workspaceId(), feedId, "", now);
    StoreItems store3 = new StoreItems(app.bean(ItemStore.class), app.bean(ReadCounts.class), 3);

    List<ParsedFeed.Item> first = new ArrayList<>();
    first.add(item("g1", "Guid one", "https://h.example/1", now.minusSeconds(600)));
    first.add(item(null, "Link two", "https://h.example/2", now.minusSeconds(500)));
    first.add(item(null, "Text three", null, now.minusSeconds(400)));
    var outcome = store3.store(feedId, feed(first), now);
    assertThat(outcome.added()).isEqualTo(3);

    // the same three, the first two changed: matched by guid and by link, updated in place; the third unchanged
    List<ParsedFeed.Item> second = List.of(item("g1", "Guid one, edited", "https://h.example/1-moved", now.minusSeconds(600)),
        item(null, "Link two, edited", "https://h.example/2", now.minusSeconds(500)), item(null, "Text three", null, now.minusSeconds(400)));
    outcome = store3.store(feedId, feed(second), now);
    assertThat(outcome).isEqualTo(new StoreItems.Outcome(0, 2, 0));

    String oldest = jdbc.sql("SELECT id FROM feed_items WHERE feed_id = :f AND guid = 'g1'").param("f", feedId).query(String.class).single();
    String memberId = jdbc.sql("SELECT id FROM members WHERE workspace_id = :ws").param("ws", team.workspaceId()).query(String.class).single();
    app.bean(StateStore.class).star(team.workspaceId(), memberId, oldest, true, now);
    String second2 = jdbc.sql("SELECT id FROM feed_items WHERE feed_id = :f AND title = 'Link two, edited'").param("f", feedId)
        .query(String.class).single();
    app.bean(StateStore.class).read(team.workspaceId(), memberId, second2, true, now);
    assertThat(unread(app, team.workspaceId(), memberId)).isEqualTo(2);

    // three newer items: history keeps the newest three, and the starred oldest one
    outcome = store3.store(feedId, feed(List.of(item("g4", "Four", "https://h.example/4", now.minusSeconds(300)),
        item("g5", "Five", "https://h.example/5", now.minusSeconds(200)), item("g6", "Six", "https://h.example/6", now.minusSeconds(100)))), now);
    assertThat(outcome.added()).isEqualTo(3);
    assertThat(outcome.pruned()).isEqualTo(2);
    List<String> titles = jdbc.sql("SELECT title FROM feed_items WHERE feed_id = :f ORDER BY published_at").param("f", feedId)
        .query(String.class).list();
    assertThat(titles).containsExactly("Guid one, edited", "Four", "Five", "Six");
    assertThat(unread(app, team.workspaceId(), memberId)).as("the read item that went no longer counts").isEqualTo(4);
  }

  private static int unread(SociusApp app, String workspaceId, String memberId) {
    return app.bean(SubscriptionStore.class).list(workspaceId, memberId).get(0).unread();
  }
}
