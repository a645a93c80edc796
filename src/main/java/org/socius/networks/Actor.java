package org.socius.networks;

/**
 * A remote account as it looked when an event arrived.
 *
 * @param remoteId the network's stable id (Mastodon account id at its instance, Bluesky DID)
 * @param handle e.g. {@code @ann@example.social} or {@code ann.bsky.social}
 * @param bioHtml sanitised HTML (Mastodon {@code note}); for Bluesky the escaped plain text
 * @param bioText the bio as plain text
 */
public record Actor(String remoteId, String handle, String displayName, String bioHtml, String bioText, String avatarUrl,
    String profileUrl) {}
