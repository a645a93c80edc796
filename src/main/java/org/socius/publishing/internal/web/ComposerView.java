package org.socius.publishing.internal.web;

import java.util.List;
import org.socius.publishing.internal.PostView;

/**
 * What the composer form shows: a new post, a post being edited, or what was typed when the
 * server refused it, so nothing typed is lost.
 *
 * @param postId null for a new post
 * @param kind "" (let Socius suggest), "share" or "own"
 * @param at the {@code datetime-local} value, in the workspace's zone
 * @param slot an empty posting slot to fill (ISO instant) with its channel, or empty
 * @param slotLabel the slot in words, or empty
 * @param kept the post's images (edit only)
 * @param alts the alt texts typed for new images, four of them
 * @param signature what the server appends to each channel's text, for the counters
 * @param filesDropped whether chosen files were lost in a refused submission and must be chosen again
 */
public record ComposerView(String postId, List<ChannelChoice> channels, String text, boolean thread, String kind, String at,
    String slot, String slotChannel, String slotLabel, List<KeptImage> kept, List<String> alts, String signature,
    boolean filesDropped, String zone) {

  public static final int MAX_IMAGES = 4;

  /** An image the post has, with its alt text as typed and whether the author is removing it. */
  public record KeptImage(PostView.ImageInfo image, String alt, boolean remove) {}

  public boolean editing() {
    return postId != null;
  }

  public String alt(int index) {
    return index < alts.size() ? alts.get(index) : "";
  }

  /** How many new images can still be attached. */
  public int freeImages() {
    return Math.max(0, MAX_IMAGES - kept.size());
  }

  public boolean anyChannelText() {
    return channels.stream().anyMatch(c -> !c.ownText().isBlank());
  }
}
