package org.socius.feeds.internal.web;

import java.util.List;
import org.socius.feeds.internal.ReadingList;
import org.socius.feeds.internal.Subscription;
import org.socius.feeds.internal.SubscriptionStore;

/**
 * The reading page: views, categories and feeds on the side, the items of the chosen view.
 *
 * @param heading what the list shows, already in words
 * @param upTo the moment the page was made (ISO), for "mark all read" to leave later arrivals unread
 */
public record ReadingPage(String slug, String show, String feedId, String categoryId, String query, String heading, List<Subscription> feeds,
    List<SubscriptionStore.Category> categories, int unread, List<Row> rows, String next, String upTo, boolean editor) {

  public record Row(String id, String title, String feedTitle, String author, String excerpt, String when, String iso, boolean read,
      boolean starred) {}

  /** The query string of this view with another cursor. */
  public String query(String cursor) {
    StringBuilder q = new StringBuilder("?show=").append(show);
    if (feedId != null) {
      q.append("&feed=").append(feedId);
    }
    if (categoryId != null) {
      q.append("&category=").append(categoryId);
    }
    if (query != null) {
      q.append("&q=").append(java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8));
    }
    if (cursor != null) {
      q.append("&cursor=").append(cursor);
    }
    return q.toString();
  }

  static ReadingList.Show showOf(String text) {
    return ReadingList.Show.parse(text);
  }
}
