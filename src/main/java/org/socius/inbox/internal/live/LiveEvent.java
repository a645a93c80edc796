package org.socius.inbox.internal.live;

/**
 * One piece of news for the open pages of a workspace.
 *
 * @param memberId only for this member, or null for every member of the workspace
 * @param kind {@code item} (a new inbox item) or {@code assigned} (a conversation given to the member)
 * @param payload JSON, as pushed (before the per-member fields are added)
 */
public record LiveEvent(long id, String workspaceId, String memberId, String kind, String payload, long createdAt) {

  public boolean isFor(String member) {
    return memberId == null || memberId.equals(member);
  }
}
