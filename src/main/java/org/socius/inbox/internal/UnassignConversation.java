package org.socius.inbox.internal;

import java.time.Clock;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.stereotype.Service;

/** Gives a conversation back to the whole team. */
@Service
public class UnassignConversation {

  private final Conversations conversations;
  private final ConversationStore store;
  private final Clock clock;

  UnassignConversation(Conversations conversations, ConversationStore store, Clock clock) {
    this.conversations = conversations;
    this.store = store;
    this.clock = clock;
  }

  public Conversation unassign(Member member, String conversationId) {
    member.require(Role.EDITOR);
    Conversation c = conversations.get(member, conversationId);
    store.assign(member.workspaceId(), c.id(), null, clock.millis());
    return conversations.get(member, c.id());
  }
}
