package org.socius.team;

/**
 * Who is acting in this request, for the humanity rules: words and signals to one person
 * (replies, mentions, direct messages, likes, reposts) go out only as a person's own act.
 */
public interface PersonalActs {

  /**
   * The member acting now in the workspace as a person: signed in with a browser session, or
   * using an API token that was made with the "personal messages" scope (each such act is then
   * audited with {@code action} and {@code target}). Viewers cannot act.
   *
   * @throws org.socius.platform.DomainException.Forbidden when nobody is acting as a person here
   *     (a job, a recipe, a token without the scope, another workspace's member)
   */
  Member requirePerson(String workspaceId, String action, String target);
}
