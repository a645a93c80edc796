package org.socius.inbox;

/** Published when a member assigns a conversation to a member (who is then notified). */
public record ConversationAssigned(String workspaceId, String conversationId, String assigneeMemberId,
    String byMemberId, String personName) {}
