package org.socius.inbox;

/** What can arrive in the inbox. */
public enum InboxItemType {
  MENTION,
  REPLY,
  DIRECT_MESSAGE,
  NEW_FOLLOWER
}
