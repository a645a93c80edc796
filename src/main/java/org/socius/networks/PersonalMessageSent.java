package org.socius.networks;

import java.time.Instant;

/**
 * Published in the transaction that records a personal message or reaction a member sent, for
 * people (an 'out' interaction) and inbox (the conversation now waits on them; response time).
 *
 * @param kind REPLY, MENTION, DIRECT, LIKE or REPOST
 * @param replyTo the remote id of the post answered or reacted to, or null
 */
public record PersonalMessageSent(String id, String workspaceId, String channelId, Network network, String memberId,
    String kind, boolean greeting, Actor recipient, String text, String replyTo, String remoteId, String url,
    Instant sentAt) {}
