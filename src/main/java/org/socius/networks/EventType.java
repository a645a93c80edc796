package org.socius.networks;

/** The kinds of activity every network is normalised to. */
public enum EventType {
  FOLLOWER_GAINED,
  FOLLOWER_LOST,
  MENTIONED,
  REPLIED,
  DIRECT_MESSAGE,
  FAVOURITED,
  REPOSTED,
  QUOTED
}
