package org.socius.inbox.internal.live;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socius.inbox.ConversationAssigned;
import org.socius.inbox.Inbox;
import org.socius.inbox.InboxItemArrived;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns what happens in the inbox into live events for the open pages, in the inbox's own
 * transaction just before it commits: the event becomes visible with the item, or neither does
 * (so a page never hears of an item it cannot load, and a stored item is always announced). A
 * failure here costs a live notification, never the inbox item.
 */
@Service
class RecordLiveEvent {

  private static final Logger log = LoggerFactory.getLogger(RecordLiveEvent.class);

  /**
   * Open conversations are counted up to this many for the badge, which shows "99+" beyond: a
   * full count on every arriving item cost 40 ms at 40,000 open conversations on PostgreSQL.
   */
  static final int BADGE_CAP = 100;

  private final LiveEventStore events;
  private final Inbox inbox;
  private final JsonMapper json;
  private final Clock clock;

  RecordLiveEvent(LiveEventStore events, Inbox inbox, JsonMapper json, Clock clock) {
    this.events = events;
    this.inbox = inbox;
    this.json = json;
    this.clock = clock;
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
  void on(InboxItemArrived e) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("type", NotificationKind.of(e.type()).code());
    p.put("itemId", e.itemId());
    p.put("conversationId", e.conversationId());
    p.put("personId", e.personId());
    p.put("personName", e.personName());
    p.put("excerpt", e.excerpt());
    p.put("assigneeMemberId", e.assigneeMemberId());
    p.put("occurredAt", e.occurredAt().toString());
    append(e.workspaceId(), null, "item", p);
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
  void on(ConversationAssigned e) {
    if (e.assigneeMemberId() == null || e.assigneeMemberId().equals(e.byMemberId())) {
      return; // nobody to tell: taking a conversation oneself is no news
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("type", NotificationKind.ASSIGNED.code());
    p.put("conversationId", e.conversationId());
    p.put("personName", e.personName());
    p.put("byMemberId", e.byMemberId());
    append(e.workspaceId(), e.assigneeMemberId(), "assigned", p);
  }

  private void append(String workspaceId, String memberId, String kind, Map<String, Object> payload) {
    try {
      payload.put("open", inbox.openCountUpTo(workspaceId, BADGE_CAP));
      events.append(workspaceId, memberId, kind, json.writeValueAsString(payload), clock.millis());
    } catch (RuntimeException ex) {
      log.warn("Live event for workspace {} not stored: {}", workspaceId, ex.toString());
    }
  }
}
