package org.socius.feeds.internal;

import java.time.Clock;
import java.time.Instant;
import org.socius.platform.DomainException;
import org.socius.team.Member;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's marks on an item, each with its inverse: read and unread, starred (read later) and
 * not. Any member may mark, viewers included: the marks are their own.
 */
@Component
public class ItemActions {

  private final ItemStore items;
  private final StateStore states;
  private final Clock clock;

  ItemActions(ItemStore items, StateStore states, Clock clock) {
    this.items = items;
    this.states = states;
    this.clock = clock;
  }

  @Transactional
  public void markRead(Member member, String itemId) {
    states.read(member.workspaceId(), member.memberId(), visible(member, itemId), true, clock.instant());
  }

  @Transactional
  public void markUnread(Member member, String itemId) {
    states.read(member.workspaceId(), member.memberId(), visible(member, itemId), false, clock.instant());
  }

  public void star(Member member, String itemId) {
    states.star(member.workspaceId(), member.memberId(), visible(member, itemId), true, clock.instant());
  }

  public void unstar(Member member, String itemId) {
    states.star(member.workspaceId(), member.memberId(), visible(member, itemId), false, clock.instant());
  }

  /**
   * Marks read everything that had arrived by {@code upTo} (the moment the reader looked; now when
   * null), in one feed or one category when given.
   */
  @Transactional
  public int markAllRead(Member member, String subscriptionId, String categoryId, Instant upTo) {
    Instant now = clock.instant();
    return states.markAllRead(member.workspaceId(), member.memberId(), subscriptionId, categoryId,
        upTo == null || upTo.isAfter(now) ? now : upTo, now);
  }

  private String visible(Member member, String itemId) {
    return items.inWorkspace(member.workspaceId(), member.memberId(), itemId).map(ItemStore.FullItem::id)
        .orElseThrow(() -> new DomainException.NotFound("feeds.problem.item"));
  }
}
