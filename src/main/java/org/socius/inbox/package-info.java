/**
 * One inbox for every conversation: mentions, replies, direct messages and new followers from
 * every connected account, assignment, the greet-a-new-follower workflow and live notifications.
 * Other capabilities use {@link org.socius.inbox.Inbox} and listen to
 * {@link org.socius.inbox.InboxItemArrived}.
 */
package org.socius.inbox;
