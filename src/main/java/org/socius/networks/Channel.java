package org.socius.networks;

import java.time.Instant;

/**
 * A connected network account of a workspace, as the Channels page shows it.
 *
 * @param status connected, needs reconnect, rate-limited, error, or disconnected (history kept, no secrets)
 * @param statusDetail the last problem in words, or empty
 * @param followersImported how many followers the first import has read so far
 * @param importDone whether the first import of followers is complete
 */
public record Channel(
    String id,
    String workspaceId,
    Network network,
    String remoteId,
    String handle,
    String displayName,
    String avatarUrl,
    String profileUrl,
    String serviceUrl,
    Status status,
    String statusDetail,
    Instant rateLimitedUntil,
    Instant lastSyncAt,
    long followersImported,
    boolean importDone) {

  public enum Status {
    CONNECTED,
    NEEDS_RECONNECT,
    RATE_LIMITED,
    ERROR,
    DISCONNECTED
  }
}
