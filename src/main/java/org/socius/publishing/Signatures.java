package org.socius.publishing;

/**
 * Who is speaking on a brand account: the member's signature, which the workspace's publishing
 * settings ask to end posts with on brand workspaces. Replies and greetings use it too.
 */
public interface Signatures {

  /** The text to append (a space and the signature), or "" when this member's words go unsigned. */
  String suffix(String workspaceId, String memberId);

  /** The text with the suffix appended, unless it already ends with it. */
  default String sign(String workspaceId, String memberId, String text) {
    String suffix = suffix(workspaceId, memberId);
    return suffix.isEmpty() || text.endsWith(suffix) ? text : text + suffix;
  }
}
