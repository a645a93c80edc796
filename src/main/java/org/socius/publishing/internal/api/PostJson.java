package org.socius.publishing.internal.api;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.socius.platform.DomainException;
import org.socius.publishing.internal.DeliveryView;
import org.socius.publishing.internal.PostForm;
import org.socius.publishing.internal.PostView;

/** The JSON shapes of the publishing API. Instants are ISO 8601 in UTC. */
final class PostJson {

  private PostJson() {}

  record Post(String id, String authorId, String text, boolean thread, String kind, String kindSuggested, String sourceUrl,
      String stage, String timing, Instant wantedAt, List<Delivery> deliveries, List<PostView.ImageInfo> images, Instant createdAt,
      Instant updatedAt) {
    static Post of(PostView p) {
      return new Post(p.id(), p.authorId(), p.text(), p.thread(), p.kind().code(), p.kindSuggested().code(), p.sourceUrl(),
          p.stage().code(), p.timing().code(), p.wantedAt(), p.deliveries().stream().map(Delivery::of).toList(), p.images(),
          p.createdAt(), p.updatedAt());
    }
  }

  /** One post on one channel; {@code state} is waiting, scheduled, publishing, published, failed, unknown or missed. */
  record Delivery(String id, String postId, String channelId, List<String> parts, String state, boolean inQueue, Instant dueAt,
      int attempts, String error, String url, Instant publishedAt, String kind) {
    static Delivery of(DeliveryView d) {
      return new Delivery(d.id(), d.postId(), d.channelId(), d.parts(), d.state().code(), d.inQueue(), d.dueAt(), d.attempts(),
          d.error(), d.remoteUrl(), d.publishedAt(), d.kind().code());
    }
  }

  /**
   * A post to create or change.
   *
   * @param action draft, queue (next free slot), at (needs {@code at}) or now
   * @param images base64 image bytes with alt text; leave out when changing a post to keep its images
   */
  record Write(List<String> channels, String text, Map<String, String> channelTexts, Boolean thread, String kind, String sourceUrl,
      String action, Instant at, List<Image> images) {

    PostForm form() {
      return new PostForm(channels, text, channelTexts, Boolean.TRUE.equals(thread), kind, sourceUrl, action(action), at,
          images == null ? null : images.stream().map(Image::decode).toList());
    }

    private static PostForm.Action action(String action) {
      if (action == null || action.isBlank()) {
        return PostForm.Action.DRAFT;
      }
      try {
        return PostForm.Action.valueOf(action.strip().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new DomainException.Invalid("action", "problem.action");
      }
    }
  }

  record Image(String data, String alt) {
    PostForm.Image decode() {
      try {
        return new PostForm.Image(Base64.getMimeDecoder().decode(data == null ? "" : data), alt);
      } catch (IllegalArgumentException e) {
        throw new DomainException.Invalid("images", "problem.image-type");
      }
    }
  }

  /** Each channel's coming posts and empty slots (a line without a delivery), and the share/own balance. */
  record Queue(List<ChannelQueue> channels, org.socius.publishing.internal.QueueOverview.Balance balance) {
    static Queue of(org.socius.publishing.internal.QueueOverview.Overview o) {
      return new Queue(o.channels().stream().map(c -> new ChannelQueue(c.channel().id(), c.channel().handle(),
          c.channel().network().code(), c.paused(), c.hasSlots(),
          c.lines().stream().map(l -> new Line(l.at(), l.delivery() == null ? null : Delivery.of(l.delivery()))).toList())).toList(),
          o.balance());
    }
  }

  record ChannelQueue(String channelId, String handle, String network, boolean paused, boolean hasSlots, List<Line> lines) {}

  record Line(Instant at, Delivery delivery) {}

  record Note(String note) {}

  record Move(String direction, Instant slot, Instant at) {}

  record Slots(List<String> slots) {}
}
