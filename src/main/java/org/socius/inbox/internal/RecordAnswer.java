package org.socius.inbox.internal;

import java.time.Clock;
import java.util.Optional;
import org.socius.inbox.InboxItemType;
import org.socius.networks.Actor;
import org.socius.networks.PersonalMessageSent;
import org.socius.platform.Ids;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts what a member sent to a person into the conversation it answers, wherever it was sent
 * from (the inbox, a greet card, the API): a reply by the post it answers, a mention or direct
 * message without one by the person's latest conversation on that channel, a greeting by their
 * follow. Words (not a like or repost) make the conversation wait on them, and the first answer
 * after their unanswered words is timed.
 */
@Service
public class RecordAnswer {

  private final ConversationStore conversations;
  private final InboxItemStore items;
  private final ResponseStore responses;
  private final Clock clock;

  RecordAnswer(ConversationStore conversations, InboxItemStore items, ResponseStore responses, Clock clock) {
    this.conversations = conversations;
    this.items = items;
    this.responses = responses;
    this.clock = clock;
  }

  @EventListener
  @Transactional
  public void on(PersonalMessageSent sent) {
    Optional<Conversation> found = conversation(sent);
    if (found.isEmpty()) {
      return; // words that answer nothing in the inbox
    }
    Conversation c = found.get();
    Actor to = sent.recipient();
    long now = clock.millis();
    Item item = new Item(Ids.newId(), c.id(), sent.channelId(), "out", sent.kind(), sent.id(), sent.remoteId(),
        to == null ? "" : nz(to.remoteId()), to == null ? "" : RecordInboxItem.cut(nz(to.handle()), 300),
        to == null ? "" : RecordInboxItem.name(to), sent.memberId(), nz(sent.text()), url(sent.url()), sent.sentAt());
    if (!items.insertIfAbsent(sent.workspaceId(), item, now) || !words(sent.kind())) {
      return;
    }
    if (c.unansweredSince() != null) {
      responses.insert(Ids.newId(), sent.workspaceId(), c.id(), sent.memberId(), c.unansweredSince().toEpochMilli(),
          sent.sentAt().toEpochMilli());
    }
    conversations.answered(sent.workspaceId(), c.id(), sent.sentAt().toEpochMilli(), now);
  }

  private Optional<Conversation> conversation(PersonalMessageSent sent) {
    String ws = sent.workspaceId();
    if (sent.replyTo() != null && !sent.replyTo().isBlank()) {
      Optional<Conversation> c = items.conversationOf(ws, sent.channelId(), sent.replyTo()).flatMap(id -> conversations.find(ws, id));
      if (c.isPresent() || !words(sent.kind())) {
        return c;
      }
    }
    if (sent.recipient() == null || sent.recipient().remoteId() == null) {
      return Optional.empty();
    }
    String actor = sent.recipient().remoteId();
    if (sent.greeting()) {
      return conversations.latestWith(ws, sent.channelId(), actor, InboxItemType.NEW_FOLLOWER);
    }
    if ("DIRECT".equals(sent.kind())) {
      return conversations.latestWith(ws, sent.channelId(), actor, InboxItemType.DIRECT_MESSAGE);
    }
    return words(sent.kind()) ? conversations.latestWith(ws, sent.channelId(), actor, null) : Optional.empty();
  }

  static boolean words(String kind) {
    return "REPLY".equals(kind) || "MENTION".equals(kind) || "DIRECT".equals(kind);
  }

  private static String url(String url) {
    return url == null || url.length() > 2000 ? "" : url;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
