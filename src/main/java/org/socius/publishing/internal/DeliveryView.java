package org.socius.publishing.internal;

import java.time.Instant;
import java.util.List;
import org.socius.publishing.PostKind;

/**
 * One post on one channel, as lists, the calendar and the API show it.
 *
 * @param parts the texts as they will be (or were) sent, signature included
 * @param inQueue whether it holds a posting slot (and can be reordered)
 */
@org.springframework.modulith.NamedInterface("commands")
public record DeliveryView(
    String id,
    String postId,
    String channelId,
    List<String> parts,
    boolean customText,
    DeliveryState state,
    boolean inQueue,
    Instant dueAt,
    int attempts,
    String error,
    String remoteUrl,
    Instant publishedAt,
    PostKind kind,
    Stage stage,
    String authorId) {

  public String firstPart() {
    return parts.isEmpty() ? "" : parts.get(0);
  }
}
