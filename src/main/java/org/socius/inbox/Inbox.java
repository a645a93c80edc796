package org.socius.inbox;

import java.time.Instant;
import java.util.List;

/** Read access to a workspace's inbox, e.g. for the daily digest. */
public interface Inbox {

  /** Open conversations (waiting on us) assigned to the member or to nobody, oldest first. */
  List<Waiting> waiting(String workspaceId, String memberId, int limit);

  /** How many open conversations wait on us in the workspace. */
  long openCount(String workspaceId);

  record Waiting(String conversationId, String personId, String personName, InboxItemType type, String excerpt,
      String assigneeMemberId, Instant since) {}
}
