package org.socius.feeds.internal.web;

import java.util.List;
import org.socius.feeds.internal.ImportOpml;

/** The feeds of the workspace with their fetch state, the subscribe form and OPML import and export. */
public record ManagePage(String slug, List<Line> feeds, ImportOpml.Report report, boolean editor, String images, boolean owner) {

  /** The choices of the image setting, in the order shown. */
  public static final List<String> IMAGE_POLICIES = List.of("proxy", "block", "direct");


  /**
   * @param problem the last fetch's error in words, or null
   * @param nextTry when the feed is fetched next, in words
   */
  public record Line(String id, String name, String url, String siteUrl, String categories, int unread, String problem, int failures,
      String lastSuccess, String nextTry, String nextTryIso) {}
}
