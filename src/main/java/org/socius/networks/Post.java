package org.socius.networks;

import java.time.Instant;

/**
 * A remote post an event refers to (the mention, the reply, the message, or our post that was
 * favourited).
 *
 * @param remoteId Mastodon status id, or Bluesky {@code at://} URI
 * @param inReplyTo the remote id of the post it answers, or null
 * @param threadRoot the remote id of the thread's first post, or null
 */
public record Post(String remoteId, String url, String text, String language, Instant createdAt, String inReplyTo,
    String threadRoot) {}
