package org.socius.inbox.internal;

import java.time.Instant;

/**
 * One item of a conversation: theirs ({@code in}: MENTION, REPLY, DIRECT_MESSAGE, NEW_FOLLOWER) or
 * ours ({@code out}: REPLY, MENTION, DIRECT, LIKE, REPOST, by {@code memberId}).
 *
 * @param remoteId the post on the network, or null (a follow)
 * @param text untrusted
 */
public record Item(String id, String conversationId, String channelId, String direction, String type, String sourceId,
    String remoteId, String actorId, String actorHandle, String actorName, String memberId, String text, String url,
    Instant occurredAt) {

  public boolean theirs() {
    return "in".equals(direction);
  }
}
