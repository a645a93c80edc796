package org.socius.inbox.internal;

import java.time.Instant;
import org.socius.inbox.InboxItemType;
import org.socius.networks.Network;

/**
 * A conversation on one channel: a thread, a direct message thread, or a new follower.
 *
 * @param type the type of their latest item
 * @param personId the person as People knew the account when it began, or null
 * @param actorId the account on the network of whoever began it
 * @param excerpt the start of their latest words; untrusted
 * @param lastAt their latest item
 * @param unansweredSince their first item since our last answer, or null
 * @param lastAnswerAt our latest words in it, or null
 */
public record Conversation(String id, String workspaceId, String channelId, Network network, String threadKey, InboxItemType type,
    String personId, String personName, String actorId, String actorHandle, ConversationState state, String assigneeMemberId,
    String excerpt, Instant lastAt, Instant unansweredSince, Instant lastAnswerAt, int items, Instant createdAt) {}
