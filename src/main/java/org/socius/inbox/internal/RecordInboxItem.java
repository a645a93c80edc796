package org.socius.inbox.internal;

import java.time.Clock;
import java.util.Optional;
import org.socius.inbox.InboxItemArrived;
import org.socius.inbox.InboxItemType;
import org.socius.networks.Actor;
import org.socius.networks.NetworkEvent;
import org.socius.networks.NetworkEventRecorded;
import org.socius.networks.Post;
import org.socius.people.People;
import org.socius.people.Person;
import org.socius.platform.Ids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts what people say to the workspace's accounts, and who newly follows them, into the inbox:
 * a mention or reply joins the conversation of its thread on that channel, a direct message the
 * one of its thread, a new follower is a conversation of its own (followers read by the first
 * import are not new). Their new item opens the conversation again. Runs after People recorded
 * the event ({@code @Order}), so the person is known; delivering the same event again stores
 * nothing and announces nothing.
 */
@Service
public class RecordInboxItem {

  /** After People's listener of the same event. */
  static final int ORDER = 10;
  static final int EXCERPT = 280;

  private final ConversationStore conversations;
  private final InboxItemStore items;
  private final People people;
  private final ApplicationEventPublisher publisher;
  private final Clock clock;

  RecordInboxItem(ConversationStore conversations, InboxItemStore items, People people, ApplicationEventPublisher publisher, Clock clock) {
    this.conversations = conversations;
    this.items = items;
    this.people = people;
    this.publisher = publisher;
    this.clock = clock;
  }

  @EventListener
  @Order(ORDER)
  @Transactional
  public void on(NetworkEventRecorded recorded) {
    NetworkEvent e = recorded.event();
    InboxItemType type = type(e);
    Actor actor = e.actor();
    if (type == null || actor == null || actor.remoteId() == null || actor.remoteId().isBlank() || items.exists(e.id())) {
      return;
    }
    long now = clock.millis();
    String ws = e.workspaceId();
    Optional<Person> person = people.findByAccount(ws, e.network(), actor.remoteId());
    String name = person.map(Person::displayName).orElseGet(() -> name(actor));
    Post post = e.post();
    String text = post == null || post.text() == null ? "" : post.text();
    String key = threadKey(type, e);
    conversations.insertIfAbsent(new Conversation(Ids.newId(), ws, e.channelId(), e.network(), key, type,
        person.map(Person::id).orElse(null), name, actor.remoteId(), cut(nz(actor.handle()), 300), ConversationState.OPEN, null,
        excerpt(text), e.occurredAt(), null, null, 0, null), now);
    Conversation c = conversations.byKey(ws, e.channelId(), key).orElseThrow();
    Item item = new Item(Ids.newId(), c.id(), e.channelId(), "in", type.name(), e.id(), post == null ? null : post.remoteId(),
        actor.remoteId(), cut(nz(actor.handle()), 300), name, null, text, url(e), e.occurredAt());
    if (!items.insertIfAbsent(ws, item, now)) {
      return; // another node stored it first
    }
    conversations.arrived(ws, c.id(), type, excerpt(text), e.occurredAt().toEpochMilli(), type != InboxItemType.NEW_FOLLOWER, now);
    publisher.publishEvent(new InboxItemArrived(ws, item.id(), c.id(), type, e.channelId(), c.personId(), name, excerpt(text),
        c.assigneeMemberId(), e.occurredAt()));
  }

  /** The inbox's kind of the event, or null when it is not for the inbox. */
  static InboxItemType type(NetworkEvent e) {
    return switch (e.type()) {
      case MENTIONED -> e.post() == null ? null : InboxItemType.MENTION;
      case REPLIED -> e.post() == null ? null : InboxItemType.REPLY;
      case DIRECT_MESSAGE -> e.post() == null ? null : InboxItemType.DIRECT_MESSAGE;
      case FOLLOWER_GAINED -> e.backfill() ? null : InboxItemType.NEW_FOLLOWER;
      default -> null;
    };
  }

  /** Threads by their first post (a post that starts one is its own root); a follower by their account. */
  static String threadKey(InboxItemType type, NetworkEvent e) {
    if (type == InboxItemType.NEW_FOLLOWER) {
      return "f:" + e.actor().remoteId() + ":" + e.id();
    }
    Post p = e.post();
    String root = p.threadRoot() != null && !p.threadRoot().isBlank() ? p.threadRoot()
        : p.inReplyTo() != null && !p.inReplyTo().isBlank() ? p.inReplyTo() : p.remoteId();
    return (type == InboxItemType.DIRECT_MESSAGE ? "d:" : "t:") + root;
  }

  private static String url(NetworkEvent e) {
    String url = e.post() != null && e.post().url() != null ? e.post().url() : e.actor().profileUrl();
    return url == null || url.length() > 2000 ? "" : url;
  }

  static String name(Actor a) {
    String name = a.displayName() == null || a.displayName().isBlank() ? a.handle() : a.displayName().strip();
    return cut(name == null || name.isBlank() ? a.remoteId() : name, 300);
  }

  static String excerpt(String text) {
    return cut(text == null ? "" : text.strip(), EXCERPT);
  }

  static String cut(String text, int max) {
    return text.codePointCount(0, text.length()) <= max ? text : text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
