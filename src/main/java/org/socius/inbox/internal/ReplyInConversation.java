package org.socius.inbox.internal;

import org.socius.inbox.InboxItemType;
import org.socius.networks.Actor;
import org.socius.networks.PersonalMessages;
import org.socius.networks.PublishFailure;
import org.socius.platform.DomainException;
import org.socius.platform.Ids;
import org.socius.publishing.Signatures;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.stereotype.Service;

/**
 * A member answers a conversation with words they wrote: in the thread (a reply to their latest
 * post), as a direct message in a direct conversation, or as a mention to a new follower. It goes
 * through {@link PersonalMessages}, which lets only a person acting now send it and flags form
 * letters, signed with the member's signature when the workspace signs brand posts; the conversation then follows from the message sent (see
 * {@link RecordAnswer}).
 */
@Service
public class ReplyInConversation {

  static final int MAX_KEY = 100;

  private final Conversations conversations;
  private final InboxItemStore items;
  private final PersonalMessages messages;
  private final Signatures signatures;

  ReplyInConversation(Conversations conversations, InboxItemStore items, PersonalMessages messages, Signatures signatures) {
    this.signatures = signatures;
    this.conversations = conversations;
    this.items = items;
    this.messages = messages;
  }

  /**
   * @param idempotencyKey the same key never sends twice (the form's id)
   */
  public PersonalMessages.Sent reply(Member member, String conversationId, String text, boolean confirmedFormLetter,
      String idempotencyKey) {
    member.require(Role.EDITOR);
    Conversation c = conversations.get(member, conversationId);
    if (text == null || text.isBlank()) {
      throw new DomainException.Invalid("text", "problem.inbox.empty-reply");
    }
    Item theirs = items.latestOfTheirs(member.workspaceId(), c.id())
        .orElseThrow(() -> new DomainException.Conflict("problem.inbox.nothing-to-answer"));
    String replyTo = items.latestPostOfTheirs(member.workspaceId(), c.id()).map(Item::remoteId).orElse(null);
    PersonalMessages.Kind kind = switch (c.type()) {
      case DIRECT_MESSAGE -> PersonalMessages.Kind.DIRECT;
      case NEW_FOLLOWER -> PersonalMessages.Kind.MENTION;
      default -> replyTo == null ? PersonalMessages.Kind.MENTION : PersonalMessages.Kind.REPLY;
    };
    boolean greeting = c.type() == InboxItemType.NEW_FOLLOWER;
    try {
      return messages.send(member.workspaceId(), c.channelId(), new PersonalMessages.Message(kind, actor(theirs),
          signatures.sign(member.workspaceId(), member.memberId(), text.strip()),
          kind == PersonalMessages.Kind.MENTION ? null : replyTo, greeting, confirmedFormLetter, key(idempotencyKey, c.id())));
    } catch (PublishFailure e) {
      throw new DomainException.Upstream("problem.inbox.network-refused", e.getMessage());
    }
  }

  static Actor actor(Item theirs) {
    return new Actor(theirs.actorId(), theirs.actorHandle(), theirs.actorName(), "", "", "", "");
  }

  /** The conversation's own key space; without a key from the client every request sends. */
  static String key(String idempotencyKey, String conversationId) {
    String key = idempotencyKey == null || idempotencyKey.isBlank() ? Ids.newId() : idempotencyKey.strip();
    if (key.length() > MAX_KEY) {
      throw new DomainException.Invalid("idempotencyKey", "problem.inbox.key", MAX_KEY);
    }
    return "inbox:" + conversationId + ":" + key;
  }
}
