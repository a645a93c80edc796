package org.socius.publishing.internal.web;

import java.util.List;
import org.socius.publishing.internal.PostView;

/**
 * A whole post as the drafts and approvals pages show it: who wrote it, for which channels, its
 * text and images, and the review notes so far.
 */
public record PostCard(PostView post, String author, String updated, List<String> channels, List<Note> notes) {

  /** A comment, a sending back or an approval, with who wrote it and when. */
  public record Note(String author, String kind, String body, String when) {}
}
