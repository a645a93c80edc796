package org.socius.feeds.internal.web;

import org.socius.feeds.internal.ItemStore;

/** One item in the clean article view; {@code item.body()} is HTML sanitised when the item was stored. */
public record ArticlePage(String slug, ItemStore.FullItem item, String when, String iso, String back, boolean editor) {}
