package org.socius.publishing.internal;

import java.time.Instant;
import java.util.List;
import org.socius.publishing.PostKind;

/** A post with its deliveries (one per channel) and its images' descriptions. */
@org.springframework.modulith.NamedInterface("commands")
public record PostView(
    String id,
    String workspaceId,
    String authorId,
    String text,
    boolean thread,
    PostKind kind,
    PostKind kindSuggested,
    String sourceUrl,
    Stage stage,
    Timing timing,
    Instant wantedAt,
    List<DeliveryView> deliveries,
    List<ImageInfo> images,
    Instant createdAt,
    Instant updatedAt) {

  public record ImageInfo(String id, int position, String mimeType, String alt, int size) {}

  /** Whether the post can still be edited: no delivery has been claimed yet. */
  public boolean editable() {
    return deliveries.stream().allMatch(d -> d.state() == DeliveryState.WAITING || d.state() == DeliveryState.SCHEDULED
        || d.state() == DeliveryState.MISSED);
  }
}
