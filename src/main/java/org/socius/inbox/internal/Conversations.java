package org.socius.inbox.internal;

import org.socius.platform.DomainException;
import org.socius.team.Member;
import org.springframework.stereotype.Component;

/** Finds a conversation of the member's workspace; any other (or none) is "not found". */
@Component
public class Conversations {

  private final ConversationStore store;

  Conversations(ConversationStore store) {
    this.store = store;
  }

  public Conversation get(Member member, String conversationId) {
    return store.find(member.workspaceId(), conversationId == null ? "" : conversationId)
        .orElseThrow(() -> new DomainException.NotFound("problem.inbox.no-conversation"));
  }
}
