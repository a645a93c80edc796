package org.socius.networks;

import java.time.Instant;

/**
 * One normalised piece of activity on a connected account, recorded exactly once.
 *
 * @param remoteId the network's id for it (unique per channel)
 * @param backfill true for followers read by the first import of an account (not new followers)
 * @param post the post it is about, or null (a follow)
 */
public record NetworkEvent(
    String id,
    String workspaceId,
    String channelId,
    Network network,
    EventType type,
    String remoteId,
    Actor actor,
    Post post,
    boolean backfill,
    Instant occurredAt,
    Instant recordedAt) {}
