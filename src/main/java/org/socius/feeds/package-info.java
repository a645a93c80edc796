/**
 * Feeds: subscriptions to RSS, Atom and JSON feeds, fetched politely and safely, read per member
 * of a workspace, and shared with credit to their authors as drafts for the publishing queue.
 * Feeds are public upstream resources stored once per address; what a workspace adds
 * (subscriptions, categories, read and starred state) points at them.
 */
package org.socius.feeds;
