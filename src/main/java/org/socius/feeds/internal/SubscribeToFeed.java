package org.socius.feeds.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.socius.feeds.internal.fetch.FeedFetcher;
import org.socius.feeds.internal.fetch.FetchFailure;
import org.socius.feeds.internal.parse.FeedFormatException;
import org.socius.feeds.internal.parse.FeedParser;
import org.socius.feeds.internal.parse.ParsedFeed;
import org.socius.platform.DomainException;
import org.socius.platform.Ids;
import org.socius.platform.OutboundHttp;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Subscribes the workspace to a feed given by its own address or by a site's: a web page is
 * searched for the feeds it announces (autodiscovery) and the first that parses is taken. A feed
 * already known (another workspace reads it) is not fetched again; a new one is fetched once,
 * its items stored, and its refresh scheduled.
 */
@Component
public class SubscribeToFeed {

  private static final int CANDIDATES = 3;

  private final FeedFetcher fetcher;
  private final FeedStore feeds;
  private final SubscriptionStore subscriptions;
  private final StoreItems storeItems;
  private final ItemStore items;
  private final PollingPolicy policy;
  private final SchedulerClient scheduler;
  private final TransactionTemplate tx;
  private final Clock clock;

  SubscribeToFeed(FeedFetcher fetcher, FeedStore feeds, SubscriptionStore subscriptions, StoreItems storeItems, ItemStore items,
      PollingPolicy policy, @Lazy SchedulerClient scheduler, TransactionTemplate tx, Clock clock) {
    this.fetcher = fetcher;
    this.feeds = feeds;
    this.subscriptions = subscriptions;
    this.storeItems = storeItems;
    this.items = items;
    this.policy = policy;
    this.scheduler = scheduler;
    this.tx = tx;
    this.clock = clock;
  }

  public record Subscribed(String subscriptionId, String feedId, boolean created) {}

  public Subscribed subscribe(Member member, String address, String title, List<String> categories) {
    member.require(Role.EDITOR);
    List<String> names = CategoryNames.clean(categories);
    URI uri = address(address);
    String feedId = known(uri.toString()).orElseGet(() -> discoverAndStore(uri));
    Instant now = clock.instant();
    SubscriptionStore.Subscribed s = tx.execute(status -> {
      SubscriptionStore.Subscribed sub = subscriptions.subscribe(member.workspaceId(), feedId, title, now);
      subscriptions.addCategories(member.workspaceId(), sub.id(), names);
      return sub;
    });
    feeds.get(feedId).ifPresent(f -> FeedRefreshTask.ensureScheduled(scheduler, feedId, f.nextFetchAt()));
    return new Subscribed(s.id(), feedId, s.created());
  }

  /** The feed id for an address already stored (as given, or as discovered before). */
  private Optional<String> known(String url) {
    return feeds.byUrl(url).map(Feed::id);
  }

  private String discoverAndStore(URI uri) {
    OutboundHttp.Response page = get(uri);
    String contentType = page.header("Content-Type").orElse(null);
    try {
      return store(uri.toString(), FeedParser.parse(page.body(), contentType, page.uri().toString()));
    } catch (FeedFormatException notAFeed) {
      if (!notAFeed.getMessage().startsWith("This is an HTML page")) {
        throw new DomainException.Invalid("url", "feeds.problem.fetch", notAFeed.getMessage());
      }
    }
    String html = org.socius.feeds.internal.parse.FeedText.decode(page.body(), contentType);
    List<String> found = Autodiscovery.feeds(html, page.uri().toString());
    if (found.isEmpty()) {
      throw new DomainException.Invalid("url", "feeds.problem.no-feed", uri.toString());
    }
    String lastError = null;
    for (String candidate : found.stream().limit(CANDIDATES).toList()) {
      Optional<String> existing = known(candidate);
      if (existing.isPresent()) {
        return existing.get();
      }
      try {
        OutboundHttp.Response feed = get(URI.create(candidate));
        return store(candidate, FeedParser.parse(feed.body(), feed.header("Content-Type").orElse(null), feed.uri().toString()));
      } catch (FeedFormatException | DomainException e) {
        lastError = e.getMessage();
      }
    }
    throw new DomainException.Invalid("url", "feeds.problem.fetch", lastError);
  }

  private OutboundHttp.Response get(URI uri) {
    try {
      return fetcher.page(uri);
    } catch (FetchFailure e) {
      throw new DomainException.Invalid("url", "feeds.problem.fetch", e.getMessage());
    }
  }

  private String store(String url, ParsedFeed parsed) {
    Instant now = clock.instant();
    return tx.execute(status -> {
      Optional<String> existing = known(url);
      if (existing.isPresent()) {
        return existing.get();
      }
      String id = feeds.insert(Ids.newId(), url, URI.create(url).getHost().toLowerCase(Locale.ROOT), StoreItems.details(parsed),
          (int) policy.min().toSeconds(), now, now);
      storeItems.store(id, parsed, now);
      var interval = policy.adaptive(items.recentPublications(id, 50), now);
      feeds.recordSuccess(id, null, null, (int) interval.toSeconds(), policy.next(interval, null, now), now);
      return id;
    });
  }

  /** An http(s) address with a host; "example.org" alone is taken as https://example.org. */
  static URI address(String text) {
    if (text == null || text.isBlank() || text.length() > 2000) {
      throw new DomainException.Invalid("url", "feeds.problem.url");
    }
    String t = text.strip();
    if (!t.contains("://")) {
      t = "https://" + t;
    }
    try {
      URI uri = new URI(t);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw new DomainException.Invalid("url", "feeds.problem.url");
      }
      int hash = t.indexOf('#');
      String withoutFragment = hash < 0 ? t : t.substring(0, hash);
      boolean noPath = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null;
      return new URI(noPath ? withoutFragment + "/" : withoutFragment);
    } catch (URISyntaxException e) {
      throw new DomainException.Invalid("url", "feeds.problem.url");
    }
  }
}
