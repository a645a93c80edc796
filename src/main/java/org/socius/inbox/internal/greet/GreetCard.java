package org.socius.inbox.internal.greet;

import java.time.Instant;
import org.socius.networks.Actor;
import org.socius.networks.Network;

/** A new follower waiting for a personal greeting; the bio is their untrusted text. */
public record GreetCard(String id, String workspaceId, String channelId, Network network, String actorRemoteId, String actorHandle,
    String actorName, String bioText, String avatarUrl, String profileUrl, State state, String closedBy, Instant closedAt,
    String sentUrl, Instant followedAt) {

  public enum State {
    OPEN,
    SENT,
    ELSEWHERE,
    SKIPPED;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Actor actor() {
    return new Actor(actorRemoteId, actorHandle, actorName, "", bioText, avatarUrl, profileUrl);
  }
}
