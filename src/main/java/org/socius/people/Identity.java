package org.socius.people;

import java.time.Instant;
import java.util.List;
import org.socius.networks.Network;

/**
 * One account of a person on one network, as last seen.
 *
 * @param bioHtml sanitised by the networks capability, yet untrusted: show it escaped
 * @param bioChangedAt when a bio different from the one before was first seen, or null
 * @param remoteId the network's id of the account; for one added by hand a stand-in (see {@link #addedByHand})
 */
public record Identity(String id, String personId, Network network, String remoteId, String handle, String displayName,
    String bioHtml, String bioText, Instant bioChangedAt, String avatarUrl, String profileUrl, Instant firstSeenAt,
    Instant lastSeenAt) {

  /** The stand-in remote id of an account added by hand starts so, until the network reports the account. */
  public static final String HAND = "manual:";

  /** An account a member added by hand that the network has not reported yet: its remote id is no network's. */
  public boolean addedByHand() {
    return remoteId.startsWith(HAND);
  }

  /** The links found in the bio (its text), as http(s) addresses. */
  public List<String> links() {
    return BioLinks.of(bioText);
  }
}
