package org.socius.inbox;

import java.time.Instant;

/**
 * Published after a new item was stored in a workspace's inbox (once per item), e.g. for live
 * notifications.
 *
 * @param assigneeMemberId the member the conversation is assigned to, or null
 * @param excerpt the start of their words (empty for a follower); untrusted text
 */
public record InboxItemArrived(String workspaceId, String itemId, String conversationId, InboxItemType type,
    String channelId, String personId, String personName, String excerpt, String assigneeMemberId, Instant occurredAt) {}
