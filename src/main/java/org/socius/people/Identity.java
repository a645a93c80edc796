package org.socius.people;

import java.time.Instant;
import org.socius.networks.Network;

/**
 * One account of a person on one network, as last seen.
 *
 * @param bioHtml sanitised by the networks capability, yet untrusted: show it escaped
 * @param bioChangedAt when a bio different from the one before was first seen, or null
 */
public record Identity(String id, String personId, Network network, String remoteId, String handle, String displayName,
    String bioHtml, String bioText, Instant bioChangedAt, String avatarUrl, String profileUrl, Instant firstSeenAt,
    Instant lastSeenAt) {}
