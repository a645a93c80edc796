package org.socius.feeds.internal.web;

import org.socius.feeds.internal.ItemStore;

/**
 * One item in the clean article view.
 *
 * @param body the item's HTML, sanitised when it was stored, with its images as the workspace's policy wants them
 */
public record ArticlePage(String slug, ItemStore.FullItem item, String body, String when, String iso, String back, boolean editor) {}
