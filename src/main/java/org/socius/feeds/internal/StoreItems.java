package org.socius.feeds.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.socius.feeds.internal.parse.ParsedFeed;
import org.socius.platform.Hashes;
import org.socius.platform.Ids;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes a parsed feed's items: an item is the same as a stored one when its guid (Atom id, JSON
 * Feed id) matches; without a guid, when its link matches; without either, when its content does.
 * A known item whose content changed is updated in place (its id and everyone's read state stay);
 * an unchanged one is left alone. Then the feed's history is cut to the newest items (starred
 * ones always stay), and the counts behind unread counts follow. Runs inside the caller's transaction.
 */
@Component
public class StoreItems {

  /** What one pass wrote. */
  public record Outcome(int added, int updated, int pruned) {}

  private final ItemStore items;
  private final ReadCounts counts;
  private final int history;

  StoreItems(ItemStore items, ReadCounts counts, @Value("${socius.feeds.history:1000}") int history) {
    this.items = items;
    this.counts = counts;
    this.history = Math.max(1, history);
  }

  public Outcome store(String feedId, ParsedFeed feed, Instant now) {
    Map<String, ItemStore.Key> byGuid = new HashMap<>();
    Map<String, ItemStore.Key> byUrl = new HashMap<>();
    Map<String, ItemStore.Key> byHash = new HashMap<>();
    for (ItemStore.Key k : items.keys(feedId)) {
      remember(k, byGuid, byUrl, byHash);
    }
    int added = 0;
    int updated = 0;
    for (ParsedFeed.Item item : feed.items()) {
      String body = item.content() != null ? item.content() : item.summary();
      String hash = Hashes.sha256(nz(item.title()) + "\n" + nz(item.url()) + "\n" + nz(body) + "\n" + nz(item.summary()));
      String guid = FeedStore.cut(item.guid(), 2000);
      String url = FeedStore.cut(item.url(), 2000);
      ItemStore.Key known = guid != null ? byGuid.get(guid) : url != null ? byUrl.get(url) : byHash.get(hash);
      if (known != null && known.contentHash().equals(hash)) {
        continue;
      }
      Instant published = item.published() != null ? item.published() : item.updated() != null ? item.updated()
          : known != null ? known.publishedAt() : now;
      if (published.isAfter(now)) {
        published = now; // a date in the future would pin the item to the top of every list
      }
      ParsedFeed.Author author = item.authors().isEmpty() ? null : item.authors().get(0);
      ItemStore.Row row = new ItemStore.Row(known != null ? known.id() : Ids.newId(), feedId, guid, url, hash,
          FeedStore.text(item.title(), 1000), FeedStore.text(author == null ? null : author.label(), 500),
          FeedStore.text(author == null ? null : author.uri(), 2000), nz(item.summary()), nz(item.content()),
          FeedStore.text(item.imageUrl(), 2000), FeedStore.text(String.join(", ", item.categories()), 2000), published,
          item.updated());
      if (known == null) {
        items.insert(row, now);
        added++;
      } else {
        items.update(row);
        updated++;
      }
      remember(new ItemStore.Key(row.id(), guid, url, hash, published), byGuid, byUrl, byHash);
    }
    // never cut what the feed still carries: it would come back as new at the next fetch
    int pruned = items.prune(feedId, Math.max(history, feed.items().size()));
    if (added > 0 || pruned > 0) {
      counts.recountItems(feedId);
    }
    if (pruned > 0) {
      counts.recountFeed(feedId); // what went may have been read
    }
    return new Outcome(added, updated, pruned);
  }

  private static void remember(ItemStore.Key k, Map<String, ItemStore.Key> byGuid, Map<String, ItemStore.Key> byUrl,
      Map<String, ItemStore.Key> byHash) {
    if (k.guid() != null) {
      byGuid.put(k.guid(), k);
    }
    if (k.url() != null) {
      byUrl.put(k.url(), k);
    }
    byHash.put(k.contentHash(), k);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /** The feed-level details worth keeping from a parsed feed. */
  public static FeedStore.Details details(ParsedFeed feed) {
    ParsedFeed.Author author = feed.authors().isEmpty() ? null : feed.authors().get(0);
    return new FeedStore.Details(feed.title(), feed.siteUrl(), feed.description(), feed.imageUrl(),
        author == null ? null : author.label(), author == null ? null : author.uri(), feed.format());
  }

  static String categories(List<String> list) {
    return list.stream().collect(Collectors.joining(", "));
  }
}
