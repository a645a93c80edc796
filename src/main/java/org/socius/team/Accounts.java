package org.socius.team;

/** Account administration for the command line: create users and personal API tokens. */
public interface Accounts {

  /** @return the new user's id */
  String createUser(String name, String email, String password);

  /** A token for the user with this e-mail in the workspace with this slug; the secret is returned once. */
  IssuedToken createToken(String email, String workspaceSlug, String role, String name);

  /** The member with this e-mail in the workspace with this slug, acting from the command line. */
  Member member(String email, String workspaceSlug);

  record IssuedToken(String id, String workspaceId, String role, String secret) {}
}
