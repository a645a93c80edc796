package org.socius.inbox.internal;

import org.socius.networks.PersonalMessages;
import org.socius.networks.PublishFailure;
import org.socius.platform.DomainException;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.stereotype.Service;

/** A member likes or reposts one of their posts in a conversation, as an explicit act of the person. */
@Service
public class ReactInConversation {

  private final Conversations conversations;
  private final InboxItemStore items;
  private final PersonalMessages messages;

  ReactInConversation(Conversations conversations, InboxItemStore items, PersonalMessages messages) {
    this.conversations = conversations;
    this.items = items;
    this.messages = messages;
  }

  public PersonalMessages.Sent react(Member member, String conversationId, String itemId, PersonalMessages.Reaction reaction) {
    member.require(Role.EDITOR);
    Conversation c = conversations.get(member, conversationId);
    Item item = items.find(member.workspaceId(), c.id(), itemId == null ? "" : itemId)
        .orElseThrow(() -> new DomainException.NotFound("problem.inbox.no-item"));
    if (!item.theirs() || item.remoteId() == null) {
      throw new DomainException.Invalid("itemId", "problem.inbox.not-a-post");
    }
    try {
      return messages.react(member.workspaceId(), c.channelId(), reaction, ReplyInConversation.actor(item), item.remoteId());
    } catch (PublishFailure e) {
      throw new DomainException.Upstream("problem.inbox.network-refused", e.getMessage());
    }
  }
}
