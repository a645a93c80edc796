package org.socius.feeds.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.socius.platform.DomainException;
import org.socius.platform.Ids;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports an OPML file in one go: every feed is subscribed at once with its categories and
 * scheduled for its first fetch (the scheduler and the per-host limits spread the fetching), and
 * the answer reports on each feed. Feeds that fail show their error on their page afterwards.
 */
@Component
public class ImportOpml {

  public static final int MAX_BYTES = 5 * 1024 * 1024;

  public enum Outcome {
    ADDED,
    ALREADY_SUBSCRIBED,
    INVALID
  }

  public record Line(String url, String title, Outcome outcome, String message) implements java.io.Serializable {}

  /** Serializable: the page hands it to the next request as a flash attribute, kept in the session table. */
  public record Report(int added, int already, int invalid, List<Line> lines) implements java.io.Serializable {}

  private final FeedStore feeds;
  private final SubscriptionStore subscriptions;
  private final PollingPolicy policy;
  private final SchedulerClient scheduler;
  private final TransactionTemplate tx;
  private final Clock clock;

  ImportOpml(FeedStore feeds, SubscriptionStore subscriptions, PollingPolicy policy, @Lazy SchedulerClient scheduler,
      TransactionTemplate tx, Clock clock) {
    this.feeds = feeds;
    this.subscriptions = subscriptions;
    this.policy = policy;
    this.scheduler = scheduler;
    this.tx = tx;
    this.clock = clock;
  }

  public Report importFile(Member member, byte[] file) {
    member.require(Role.EDITOR);
    if (file.length > MAX_BYTES) {
      throw new DomainException.Invalid("file", "feeds.problem.opml-size", MAX_BYTES);
    }
    List<Opml.Entry> entries = Opml.read(file);
    List<Line> lines = new ArrayList<>();
    List<String> toSchedule = new ArrayList<>();
    Instant now = clock.instant();
    tx.executeWithoutResult(status -> {
      for (Opml.Entry e : entries) {
        URI uri;
        List<String> categories;
        try {
          uri = SubscribeToFeed.address(e.xmlUrl());
          categories = CategoryNames.clean(e.categories());
        } catch (DomainException invalid) {
          lines.add(new Line(e.xmlUrl(), e.title(), Outcome.INVALID, invalid.getMessage()));
          continue;
        }
        String url = uri.toString();
        Feed known = feeds.byUrl(url).orElse(null);
        String feedId = known == null ? null : known.id();
        // a title other than the feed's own is the workspace's name for it (as an export writes it)
        String ownTitle = known != null && e.title() != null && !e.title().equals(known.title()) ? e.title() : "";
        if (feedId == null) {
          feedId = feeds.insert(Ids.newId(), url, uri.getHost().toLowerCase(Locale.ROOT),
              new FeedStore.Details(e.title(), e.htmlUrl(), null, null, null, null, null), (int) policy.min().toSeconds(), now, now);
          toSchedule.add(feedId);
        }
        var sub = subscriptions.subscribe(member.workspaceId(), feedId, ownTitle, now);
        subscriptions.addCategories(member.workspaceId(), sub.id(), categories);
        lines.add(new Line(url, e.title(), sub.created() ? Outcome.ADDED : Outcome.ALREADY_SUBSCRIBED, null));
        if (sub.created()) {
          toSchedule.add(feedId);
        }
      }
    });
    toSchedule.stream().distinct().forEach(id -> FeedRefreshTask.ensureScheduled(scheduler, id, now));
    return new Report(count(lines, Outcome.ADDED), count(lines, Outcome.ALREADY_SUBSCRIBED), count(lines, Outcome.INVALID), lines);
  }

  private static int count(List<Line> lines, Outcome o) {
    return (int) lines.stream().filter(l -> l.outcome() == o).count();
  }
}
