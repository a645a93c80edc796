package org.socius.inbox.internal.api;

import java.time.Instant;
import java.util.List;
import org.socius.inbox.internal.Conversation;
import org.socius.inbox.internal.InboxFilter;
import org.socius.inbox.internal.Item;
import org.socius.inbox.internal.ResponseStore;

/** The JSON shapes of the inbox API. Instants are ISO 8601 in UTC; names, handles and texts are untrusted. */
final class InboxJson {

  private InboxJson() {}

  /**
   * @param type of their latest item: mention, reply, direct_message or new_follower
   * @param state open (waiting on us), waiting (on them) or done
   * @param excerpt the start of their latest words
   * @param unansweredSince their first words since our last answer, or null
   */
  record ConversationJson(String id, String channelId, String network, String type, String state, String personId,
      String personName, String actorHandle, String assigneeMemberId, String excerpt, Instant lastAt, Instant unansweredSince,
      Instant lastAnswerAt, int items, Instant createdAt) {
    static ConversationJson of(Conversation c) {
      return new ConversationJson(c.id(), c.channelId(), c.network().code(), InboxFilter.code(c.type()), c.state().code(),
          c.personId(), c.personName(), c.actorHandle(), c.assigneeMemberId(), c.excerpt(), c.lastAt(), c.unansweredSince(),
          c.lastAnswerAt(), c.items(), c.createdAt());
    }
  }

  /** A conversation with its items, oldest first, and its first response (null while unanswered). */
  record Thread(ConversationJson conversation, List<ItemJson> items, Response firstResponse) {}

  /**
   * @param direction in (theirs) or out (ours, by memberId)
   * @param type in: mention, reply, direct_message, new_follower; out: reply, mention, direct, like, repost
   * @param remoteId the post on the network, or null
   */
  record ItemJson(String id, String direction, String type, String remoteId, String actorHandle, String actorName,
      String memberId, String text, String url, Instant occurredAt) {
    static ItemJson of(Item i) {
      return new ItemJson(i.id(), i.direction(), i.type().toLowerCase(java.util.Locale.ROOT), i.remoteId(), i.actorHandle(),
          i.actorName(), i.memberId(), i.text(), i.url(), i.occurredAt());
    }
  }

  record Response(String memberId, Instant askedAt, Instant answeredAt, long seconds) {
    static Response of(ResponseStore.Response r) {
      return new Response(r.memberId(), r.askedAt(), r.answeredAt(), r.took().toSeconds());
    }
  }

  record Assign(String assigneeMemberId) {}

  /** @param idempotencyKey optional: the same key never sends twice */
  record Reply(String text, Boolean confirmedFormLetter, String idempotencyKey) {}

  /** What was sent, by which member. */
  record Sent(String id, String memberId, String remoteId, String url, Instant sentAt) {}

  /** @param medianSeconds null when nothing was answered in the period */
  record ResponseTimes(Instant from, Instant to, long answered, Long medianSeconds) {}
}
