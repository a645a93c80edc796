package org.socius.inbox.internal;

import java.time.Clock;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.stereotype.Service;

/** Marks a conversation done: nothing more to do until they write again. */
@Service
public class CloseConversation {

  private final Conversations conversations;
  private final ConversationStore store;
  private final Clock clock;

  CloseConversation(Conversations conversations, ConversationStore store, Clock clock) {
    this.conversations = conversations;
    this.store = store;
    this.clock = clock;
  }

  public Conversation close(Member member, String conversationId) {
    member.require(Role.EDITOR);
    Conversation c = conversations.get(member, conversationId);
    store.state(member.workspaceId(), c.id(), ConversationState.DONE, clock.millis());
    return conversations.get(member, c.id());
  }
}
