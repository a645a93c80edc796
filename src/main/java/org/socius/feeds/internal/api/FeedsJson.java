package org.socius.feeds.internal.api;

import java.time.Instant;
import java.util.List;
import org.socius.feeds.internal.ItemStore;
import org.socius.feeds.internal.ReadingList;
import org.socius.feeds.internal.Subscription;

/** The JSON shapes of the feeds API. Instants are ISO 8601 in UTC; item HTML is sanitised, titles are untrusted text. */
final class FeedsJson {

  private FeedsJson() {}

  record SubscribeBody(String url, String title, List<String> categories) {}

  record EditBody(String title, List<String> categories) {}

  record ReadAllBody(String upTo, String feed, String category) {}

  /**
   * @param lastError the last fetch's failure in words, or null when the last fetch went well
   * @param nextFetchAt when the feed is fetched next (also while it fails: failing feeds are never given up)
   */
  record FeedJson(String id, String title, String feedUrl, String siteUrl, String description, List<String> categories, int unread,
      Instant lastFetchedAt, Instant lastSuccessAt, Instant nextFetchAt, int failures, String lastError, int intervalMinutes) {
    static FeedJson of(Subscription s) {
      var f = s.feed();
      return new FeedJson(s.id(), s.name(), f.url(), f.siteUrl(), f.description(), s.categories(), s.unread(), f.lastFetchedAt(),
          f.lastSuccessAt(), f.nextFetchAt(), f.errorCount(), f.lastError(), f.intervalSeconds() / 60);
    }
  }

  record Subscribed(String id, boolean created, FeedJson feed) {}

  record ItemJson(String id, String feedId, String feedTitle, String title, String url, String author, String excerpt,
      Instant publishedAt, boolean read, boolean starred) {
    static ItemJson of(ReadingList.Entry e) {
      return new ItemJson(e.id(), e.subscriptionId(), e.feedTitle(), e.title(), e.url(), e.author(), e.excerpt(), e.publishedAt(),
          e.read(), e.starred());
    }
  }

  record ItemPage(List<ItemJson> items, String next) {}

  /** @param html the item's content (or summary), sanitised on the way in */
  record FullItemJson(String id, String feedId, String feedTitle, String title, String url, String author, String authorUrl,
      String html, String imageUrl, String categories, Instant publishedAt, boolean read, boolean starred) {
    static FullItemJson of(ItemStore.FullItem i) {
      return new FullItemJson(i.id(), i.subscriptionId(), i.feedTitle(), i.title(), i.url(), i.author(), i.authorUri(), i.body(),
          i.imageUrl(), i.categories(), i.publishedAt(), i.read(), i.starred());
    }
  }

  record Marked(int items) {}

  record Shared(String draftId, String text, String link) {}

  /** @param text the words selected on the page, shared as a quote */
  record SharePageBody(String url, String title, String text) {}

  /** @param fetched whether Socius could read the page for its title and author */
  record SharedPage(String draftId, String text, String link, boolean fetched) {}

  record Category(String id, String name, int feeds) {}
}
