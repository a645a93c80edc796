package org.socius.networks;

import java.util.List;

/**
 * What a channel's account can see of another account, read live for a greet card. Each call
 * goes to the network; a failure is a {@link PublishFailure} (retry or not) and the caller shows
 * the card without that part.
 */
public interface Profiles {

  /** The account's newest own posts, newest first. */
  List<Post> latestPosts(String workspaceId, String channelId, String actorRemoteId, int limit);

  /** Accounts the channel follows that also follow this account (Mastodon familiar followers, Bluesky known followers). */
  List<Actor> mutualConnections(String workspaceId, String channelId, String actorRemoteId, int limit);
}
