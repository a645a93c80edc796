package org.socius.feeds.internal;

import java.time.Instant;
import java.util.List;

/** A workspace's subscription to a feed, with the feed's state and one member's unread count. */
public record Subscription(String id, String workspaceId, String title, List<String> categories, Feed feed, int unread,
    Instant createdAt) {

  /** The workspace's name for the feed, else the feed's own title, else its address. */
  public String name() {
    return title.isBlank() ? feed.name() : title;
  }
}
