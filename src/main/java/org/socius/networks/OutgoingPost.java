package org.socius.networks;

import java.util.List;

/**
 * What to publish on one channel. A thread is a list of parts; each part is posted as a reply to
 * the one before.
 *
 * @param parts the text of each part (one for a plain post)
 * @param images up to 4 images, attached to the first part
 * @param replyTo the remote id of a post to answer, or null
 * @param visibility Mastodon: public, unlisted, private or direct; ignored by Bluesky
 */
public record OutgoingPost(List<String> parts, List<Image> images, String replyTo, String visibility) {

  public record Image(byte[] bytes, String mimeType, String alt) {}

  public static OutgoingPost text(String text) {
    return new OutgoingPost(List.of(text), List.of(), null, "public");
  }
}
