package org.socius.publishing;

/**
 * Lets other capabilities (feeds, tribes) hand a person a prepared post: it becomes a draft in the
 * composer, never a post that goes out by itself.
 */
public interface Drafts {

  /**
   * Saves a draft for the member to finish; returns its id.
   *
   * @param sourceUrl the page or item the draft shares, or null
   * @param kind null to let Socius suggest it
   */
  String draft(String workspaceId, String memberId, String text, String sourceUrl, PostKind kind);
}
