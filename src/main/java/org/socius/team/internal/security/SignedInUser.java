package org.socius.team.internal.security;

import java.io.Serializable;
import java.security.Principal;

/**
 * The principal of a browser session. {@link #getName()} is the user id, which is what the
 * session table indexes, so all sessions of a user can be found (and ended on password change).
 */
public record SignedInUser(String userId, String email) implements Principal, Serializable {

  @Override
  public String getName() {
    return userId;
  }
}
