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

  /** When to refresh a feed next, and whether that time is a turn held for its host (to hand back then). */
  public record Next(Instant at, boolean heldTurn) {}

  /**
   * Refreshes the feed, or puts it off until its host's turn for it; answers when to come back, or
   * null when nobody reads the feed any more (it is removed). {@code heldTurn} is the turn a
   * previous call answered, if any: a feed coming back for its turn takes no new one.
   */
  public Next refresh(String feedId, Instant heldTurn) {
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
    Instant turn = hosts.reserve(feed.host(), heldTurn, now);
    if (turn != null) {
      if (!turn.equals(heldTurn)) {
        feeds.setNextFetch(feedId, turn);
      }
      return new Next(turn, true);
    }
    try {
      FetchResult result = fetcher.fetch(URI.create(feed.url()), feed.etag(), feed.lastModified());
      return new Next(tx.execute(s -> recordSuccess(feed, result, clock.instant())), false);
    } catch (FetchFailure e) {
      return new Next(recordFailure(feed, e.getMessage(), e.retryAfter()), false);
    } catch (RuntimeException e) {
      LOG.warn("Refreshing feed {} failed", feed.url(), e);
      return new Next(recordFailure(feed, "Socius could not store the feed: " + e.getMessage(), null), false);
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
