package org.socius.feeds.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.util.List;
import org.socius.platform.DomainException;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What editors do to a subscription besides making it: rename and file it in categories, refresh
 * it now (always possible, failing or not), and unsubscribe. A feed nobody reads any more stops
 * being fetched at its next turn.
 */
@Component
public class SubscriptionActions {

  private final SubscriptionStore subscriptions;
  private final SchedulerClient scheduler;
  private final TransactionTemplate tx;

  SubscriptionActions(SubscriptionStore subscriptions, @Lazy SchedulerClient scheduler, TransactionTemplate tx) {
    this.subscriptions = subscriptions;
    this.scheduler = scheduler;
    this.tx = tx;
  }

  public Subscription edit(Member member, String subscriptionId, String title, List<String> categories) {
    member.require(Role.EDITOR);
    Subscription s = find(member, subscriptionId);
    List<String> names = categories == null ? null : CategoryNames.clean(categories);
    tx.executeWithoutResult(status -> {
      if (title != null) {
        // the feed's own title (as the form shows it) keeps following the feed
        String own = title.strip().equals(s.feed().title()) ? "" : title.strip();
        subscriptions.rename(member.workspaceId(), s.id(), own);
      }
      if (names != null) {
        subscriptions.setCategories(member.workspaceId(), s.id(), names);
      }
    });
    return find(member, subscriptionId);
  }

  public void refreshNow(Member member, String subscriptionId) {
    FeedRefreshTask.refreshSoon(scheduler, find(member, subscriptionId).feed().id());
  }

  public void unsubscribe(Member member, String subscriptionId) {
    member.require(Role.EDITOR);
    if (subscriptions.unsubscribe(member.workspaceId(), subscriptionId) == 0) {
      throw new DomainException.NotFound("feeds.problem.subscription");
    }
  }

  public Subscription find(Member member, String subscriptionId) {
    return subscriptions.get(member.workspaceId(), member.memberId(), subscriptionId)
        .orElseThrow(() -> new DomainException.NotFound("feeds.problem.subscription"));
  }
}
