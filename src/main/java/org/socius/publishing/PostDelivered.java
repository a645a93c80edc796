package org.socius.publishing;

import java.time.Instant;
import org.socius.networks.Network;

/**
 * Published in the transaction that records a post as published on one channel (once per
 * delivery), e.g. for people (whom it mentions) and insights.
 *
 * @param authorMemberId the member who wrote it
 * @param text the text as sent (thread parts joined by blank lines)
 */
public record PostDelivered(String workspaceId, String deliveryId, String postId, String channelId, Network network,
    String authorMemberId, String text, PostKind kind, String remoteId, String url, Instant publishedAt) {}
