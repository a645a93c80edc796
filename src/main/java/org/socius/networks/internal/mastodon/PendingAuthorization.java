package org.socius.networks.internal.mastodon;

import java.io.Serializable;

/**
 * An authorisation started on a Mastodon server and not finished yet: kept server-side in the
 * signed-in person's HTTP session (stored in the database, so any node can finish it) until the
 * server sends the person back with a code.
 *
 * @param state the random value that ties the callback to this start
 * @param verifier the PKCE code verifier (its S256 challenge went to the server)
 */
public record PendingAuthorization(String state, String verifier, String instance, String redirectUri, String clientId,
    String authorizeUrl, String workspaceId, String workspaceSlug, long startedAt) implements Serializable {

  private static final long serialVersionUID = 1L;

  @Override
  public String toString() {
    return "PendingAuthorization[" + instance + ", workspace " + workspaceSlug + "]"; // no verifier in logs
  }
}
