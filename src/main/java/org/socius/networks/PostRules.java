package org.socius.networks;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What one channel accepts in a post, so that a composer can count as the network does and a post
 * is refused when it is written rather than when it is due.
 *
 * @param maxCharacters the longest text, as {@link #length} counts it
 * @param charactersPerUrl what a URL counts on Mastodon ({@code characters_reserved_per_url}); 0 on
 *     Bluesky, where a URL counts as written
 * @param maxImages how many images one post can carry
 * @param maxImageBytes the largest image, in bytes
 * @param imageTypes the media types of the images accepted (such as {@code image/jpeg}), in the
 *     order to show them
 */
public record PostRules(Network network, int maxCharacters, int charactersPerUrl, int maxImages, long maxImageBytes,
    Set<String> imageTypes) {

  public PostRules {
    imageTypes = Collections.unmodifiableSet(new LinkedHashSet<>(imageTypes));
  }

  /** The length of {@code text} as this network counts it against {@link #maxCharacters}. */
  public int length(String text) {
    return switch (network) {
      case MASTODON -> TextLength.mastodon(text, charactersPerUrl);
      case BLUESKY -> TextLength.graphemes(text);
    };
  }
}
