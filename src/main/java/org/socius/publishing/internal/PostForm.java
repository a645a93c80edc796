package org.socius.publishing.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the composer (page, API, CSV row, CLI) sends.
 *
 * @param channelTexts an own text for some channels (by channel id); the others get {@code text}
 * @param kind "share", "own", or null/blank to take Socius's suggestion
 * @param at the time asked for with {@link Action#AT}
 * @param images the images in order; null when editing means "keep the post's images"
 */
@org.springframework.modulith.NamedInterface("commands")
public record PostForm(
    List<String> channelIds,
    String text,
    Map<String, String> channelTexts,
    boolean thread,
    String kind,
    String sourceUrl,
    Action action,
    Instant at,
    List<Image> images) {

  /** Save draft, Add to queue, Schedule at a time, Share now. */
  public enum Action {
    DRAFT,
    QUEUE,
    AT,
    NOW
  }

  public record Image(byte[] bytes, String alt) {}
}
