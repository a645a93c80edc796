package org.socius.team.internal.security;

import java.security.Principal;
import org.socius.team.Role;

/**
 * The principal of an API request: a token scoped to one workspace and role.
 *
 * @param personalMessages the token may send personal messages (see {@link org.socius.team.PersonalActs})
 */
public record ApiTokenPrincipal(String tokenId, String userId, String workspaceId, Role role, boolean personalMessages)
    implements Principal {

  @Override
  public String getName() {
    return userId;
  }
}
