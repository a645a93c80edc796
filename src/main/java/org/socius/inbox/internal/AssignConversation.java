package org.socius.inbox.internal;

import java.time.Clock;
import java.util.Objects;
import org.socius.inbox.ConversationAssigned;
import org.socius.platform.DomainException;
import org.socius.team.Member;
import org.socius.team.MemberProfile;
import org.socius.team.Role;
import org.socius.team.Workspaces;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Gives a conversation to a member of the workspace who can answer, and tells them. */
@Service
public class AssignConversation {

  private final Conversations conversations;
  private final ConversationStore store;
  private final Workspaces workspaces;
  private final ApplicationEventPublisher publisher;
  private final Clock clock;

  AssignConversation(Conversations conversations, ConversationStore store, Workspaces workspaces, ApplicationEventPublisher publisher,
      Clock clock) {
    this.conversations = conversations;
    this.store = store;
    this.workspaces = workspaces;
    this.publisher = publisher;
    this.clock = clock;
  }

  @Transactional
  public Conversation assign(Member member, String conversationId, String assigneeMemberId) {
    member.require(Role.EDITOR);
    Conversation c = conversations.get(member, conversationId);
    if (assigneeMemberId == null || assigneeMemberId.isBlank()) {
      throw new DomainException.Invalid("assignee", "problem.inbox.assignee");
    }
    MemberProfile assignee = workspaces.profile(member.workspaceId(), assigneeMemberId.strip())
        .orElseThrow(() -> new DomainException.Invalid("assignee", "problem.inbox.not-a-member"));
    if (!assignee.role().atLeast(Role.EDITOR)) {
      throw new DomainException.Invalid("assignee", "problem.inbox.assignee-cannot-answer", assignee.displayName());
    }
    if (!Objects.equals(c.assigneeMemberId(), assignee.memberId())) {
      store.assign(member.workspaceId(), c.id(), assignee.memberId(), clock.millis());
      publisher.publishEvent(new ConversationAssigned(member.workspaceId(), c.id(), assignee.memberId(), member.memberId(),
          c.personName()));
    }
    return conversations.get(member, c.id());
  }
}
