package org.socius.team;

import org.socius.platform.DomainException;

/**
 * The signed-in person (or API token) acting in one workspace. Declare it as a controller
 * parameter on a path with {@code {slug}} (pages) or {@code {workspaceId}} (API) and it arrives
 * resolved; a caller who is not a member gets 404, so workspaces do not leak their existence.
 *
 * @param role for an API token, the lesser of the token's role and the member's current role
 * @param viaToken the token's id when the caller is an API token, else null
 */
public record Member(
    String memberId,
    String workspaceId,
    String workspaceSlug,
    String workspaceName,
    String userId,
    String displayName,
    Role role,
    String viaToken) {

  public Member require(Role needed) {
    if (!role.atLeast(needed)) {
      throw new DomainException.Forbidden("problem.role-needed", needed.code(), role.code());
    }
    return this;
  }

  public boolean isOwner() {
    return role == Role.OWNER;
  }
}
