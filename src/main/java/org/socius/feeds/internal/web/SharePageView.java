package org.socius.feeds.internal.web;

/**
 * The "Share from anywhere" page: the bookmarklet to drag to the bookmarks bar and, when a page
 * was handed over by the bookmarklet or the share sheet, a form to make the draft.
 *
 * @param bookmarklet the javascript: address of the bookmarklet, for this server and workspace
 * @param url the page to share, or empty when none was given
 */
public record SharePageView(String slug, String bookmarklet, String url, String title, String text, boolean editor) {

  public boolean hasPage() {
    return !url.isEmpty();
  }
}
