package org.socius.feeds.internal.web;

import java.util.List;

/**
 * The "Share from anywhere" page: the bookmarklet to drag to the bookmarks bar and, when a page
 * was handed over by the bookmarklet or the share sheet, a form to make the draft.
 *
 * @param bookmarklet the javascript: address of the bookmarklet, for this server and workspace
 * @param url the page to share, or empty when none was given
 * @param workspaces the member's workspaces, for sharing into another one
 */
public record SharePageView(String slug, String bookmarklet, String url, String title, String text, boolean editor,
    List<Choice> workspaces) {

  public record Choice(String slug, String name) {}

  /** A menu of workspaces only for a member of several. */
  public boolean choosing() {
    return workspaces.size() > 1;
  }

  /**
   * The bookmarklet escaped for an href attribute by hand: the template engine rightly empties
   * javascript: addresses, and this one is Socius's own, built from its address and the slug.
   */
  public String bookmarkletHref() {
    return bookmarklet.replace("&", "&amp;").replace("\"", "&quot;").replace("'", "&#39;").replace("<", "&lt;").replace(">", "&gt;");
  }

  public boolean hasPage() {
    return !url.isEmpty();
  }
}
