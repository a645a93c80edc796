package org.socius.people;

import java.time.Instant;
import java.util.List;

/**
 * A person the workspace knows, with their accounts and tags.
 *
 * @param cadenceDays keep in touch every so many days, or null
 * @param lastInteractionAt the newest interaction in either direction, or null
 */
public record Person(String id, String workspaceId, String displayName, String website, String howWeMet, String timeZone,
    Integer cadenceDays, Instant lastInteractionAt, Instant createdAt, List<Identity> identities, List<String> tags) {}
