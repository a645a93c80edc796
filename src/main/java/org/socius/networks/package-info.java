/**
 * Connected network accounts (channels) behind one port: connect Mastodon and Bluesky accounts,
 * sync followers, mentions, replies, direct messages and reactions into one normalised event log,
 * and publish exactly once. Other capabilities use {@link org.socius.networks.Channels},
 * {@link org.socius.networks.Publisher} and listen to {@link org.socius.networks.NetworkEventRecorded}.
 */
package org.socius.networks;
