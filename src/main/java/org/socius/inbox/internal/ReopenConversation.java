package org.socius.inbox.internal;

import java.time.Clock;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.stereotype.Service;

/**
 * Opens a done conversation again: it waits on us when their words are unanswered (or it is a
 * follower not yet greeted), otherwise on them.
 */
@Service
public class ReopenConversation {

  private final Conversations conversations;
  private final ConversationStore store;
  private final Clock clock;

  ReopenConversation(Conversations conversations, ConversationStore store, Clock clock) {
    this.conversations = conversations;
    this.store = store;
    this.clock = clock;
  }

  public Conversation reopen(Member member, String conversationId) {
    member.require(Role.EDITOR);
    Conversation c = conversations.get(member, conversationId);
    if (c.state() == ConversationState.DONE) {
      boolean answered = c.unansweredSince() == null && c.lastAnswerAt() != null;
      store.state(member.workspaceId(), c.id(), answered ? ConversationState.WAITING : ConversationState.OPEN, clock.millis());
    }
    return conversations.get(member, c.id());
  }
}
