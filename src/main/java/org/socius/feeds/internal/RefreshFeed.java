package org.socius.feeds.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socius.feeds.internal.fetch.FeedFetcher;
import org.socius.feeds.internal.fetch.FetchFailure;
import org.socius.feeds.internal.fetch.FetchResult;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refreshes one feed: the one entry point for the scheduler and the Refresh-now button. A failure
 * (unreachable, refused, not a feed, malformed) marks this feed with the reason in words and the
 * next try, and touches neither its items nor any other feed.
 */
@Component
public class RefreshFeed {

  private static final Logger LOG = LoggerFactory.getLogger(RefreshFeed.class);

  private final FeedFetcher fetcher;
  private final FeedStore feeds;
  private final ItemStore items;
  private final StoreItems storeItems;
  private final PollingPolicy policy;
  private final HostLimits hosts;
  private final TransactionTemplate tx;
  private final Clock clock;

  RefreshFeed(FeedFetcher fetcher, FeedStore feeds, ItemStore items, StoreItems storeItems, PollingPolicy policy, HostLimits hosts,
      TransactionTemplate tx, Clock clock) {
    this.fetcher = fetcher;
    this.feeds = feeds;
    this.items = items;
    this.storeItems = storeItems;
    this.policy = policy;
    this.hosts = hosts;
    this.tx = tx;
    this.clock = clock;
  }

  /** Refreshes the feed; answers when to refresh it next, or null when nobody reads it any more (it is removed). */
  public Instant refresh(String feedId) {
    Optional<Feed> found = feeds.get(feedId);
    if (found.isEmpty()) {
      return null;
    }
    Feed feed = found.get();
    if (!feeds.subscribed(feedId)) {
      feeds.delete(feedId); // a feed nobody subscribes to is not fetched; subscribing again starts afresh
      return null;
    }
    Instant now = clock.instant();
    Instant later = hosts.reserve(feed.host(), feedId, now);
    if (later != null) {
      feeds.setNextFetch(feedId, later);
      return later;
    }
    try {
      FetchResult result = fetcher.fetch(URI.create(feed.url()), feed.etag(), feed.lastModified());
      return tx.execute(s -> recordSuccess(feed, result, clock.instant()));
    } catch (FetchFailure e) {
      return recordFailure(feed, e.getMessage(), e.retryAfter());
    } catch (RuntimeException e) {
      LOG.warn("Refreshing feed {} failed", feed.url(), e);
      return recordFailure(feed, "Socius could not store the feed: " + e.getMessage(), null);
    } finally {
      hosts.release(feed.host());
    }
  }

  private Instant recordSuccess(Feed feed, FetchResult result, Instant now) {
    if (result instanceof FetchResult.Fetched fetched) {
      storeItems.store(feed.id(), fetched.feed(), now);
      feeds.updateDetails(feed.id(), StoreItems.details(fetched.feed()));
    }
    Duration interval = policy.adaptive(items.recentPublications(feed.id(), 50), now);
    Instant next = policy.next(interval, result.freshFor(), now);
    feeds.recordSuccess(feed.id(), result.etag(), result.lastModified(), (int) interval.toSeconds(), next, now);
    return next;
  }

  private Instant recordFailure(Feed feed, String reason, Duration retryAfter) {
    Instant now = clock.instant();
    Instant next = policy.afterFailure(feed.errorCount() + 1, retryAfter, now);
    feeds.recordFailure(feed.id(), reason, next, now);
    return next;
  }
}
