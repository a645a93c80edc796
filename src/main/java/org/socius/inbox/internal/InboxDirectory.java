package org.socius.inbox.internal;

import java.time.Instant;
import java.util.List;
import org.socius.inbox.Inbox;
import org.springframework.stereotype.Service;

/** The inbox as other capabilities read it. */
@Service
class InboxDirectory implements Inbox {

  static final int MAX_WAITING = 500;

  private final ConversationStore conversations;
  private final ResponseStore responses;

  InboxDirectory(ConversationStore conversations, ResponseStore responses) {
    this.conversations = conversations;
    this.responses = responses;
  }

  @Override
  public List<Waiting> waiting(String workspaceId, String memberId, int limit) {
    return conversations.waiting(workspaceId, memberId, Math.max(1, Math.min(limit, MAX_WAITING))).stream()
        .map(c -> new Waiting(c.id(), c.personId(), c.personName(), c.type(), c.excerpt(), c.assigneeMemberId(),
            c.unansweredSince() != null ? c.unansweredSince() : c.lastAt()))
        .toList();
  }

  @Override
  public long openCount(String workspaceId) {
    return conversations.openCount(workspaceId);
  }

  @Override
  public long openCountUpTo(String workspaceId, int cap) {
    return conversations.openCountUpTo(workspaceId, cap);
  }

  @Override
  public ResponseTimes responseTimes(String workspaceId, Instant from, Instant to) {
    return responses.times(workspaceId, from.toEpochMilli(), to.toEpochMilli());
  }
}
