package org.socius.networks;

/**
 * Published when an account is connected, or connected again after it needed reconnecting, so
 * that work held back for it (scheduled posts) can go now.
 */
public record ChannelConnected(String workspaceId, String channelId) {}
