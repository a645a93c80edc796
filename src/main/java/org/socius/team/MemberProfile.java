package org.socius.team;

/**
 * A member's profile in one workspace: what later capabilities need to sign a post or reply
 * ("^AO") and what the public page shows when the member chose to be shown.
 */
public record MemberProfile(
    String memberId,
    String workspaceId,
    String userId,
    Role role,
    String displayName,
    String bio,
    String signature,
    boolean showPublicly,
    boolean hasAvatar) {}
