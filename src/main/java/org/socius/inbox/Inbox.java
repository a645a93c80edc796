package org.socius.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Read access to a workspace's inbox, e.g. for the daily digest and for insights. */
public interface Inbox {

  /** Open conversations (waiting on us) assigned to the member or to nobody, oldest first. */
  List<Waiting> waiting(String workspaceId, String memberId, int limit);

  /** How many open conversations wait on us in the workspace. */
  long openCount(String workspaceId);

  /** As {@link #openCount}, counting no further than {@code cap}: enough for a badge ("99+"), cheap at any size. */
  long openCountUpTo(String workspaceId, int cap);

  /**
   * How quickly the workspace answered people in a period: each answer counts once, from their
   * first message we had not answered to our first reply after it (a greeting of a new follower
   * is not counted: a follow asks nothing).
   *
   * @param from inclusive, by the time of the answer
   * @param to exclusive
   */
  ResponseTimes responseTimes(String workspaceId, Instant from, Instant to);

  record Waiting(String conversationId, String personId, String personName, InboxItemType type, String excerpt,
      String assigneeMemberId, Instant since) {}

  /** @param median null when nothing was answered in the period */
  record ResponseTimes(long answered, Duration median) {}
}
