package org.socius.publishing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.socius.networks.Channel;
import org.socius.networks.Channels;
import org.socius.networks.OutgoingPost;
import org.socius.networks.PublishFailure;
import org.socius.networks.Published;
import org.socius.networks.Publisher;
import org.socius.publishing.PostDelivered;
import org.socius.publishing.PostKind;
import org.socius.platform.DomainException;
import org.socius.team.Workspaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Delivers one post on one channel when its execution comes due: claim, publish under the
 * delivery's id as idempotency key, record. A crash anywhere leaves the delivery claimable, and
 * the retry with the same key returns what the network already has, so it goes out once.
 */
@Service
class DeliverPost {

  private static final Logger log = LoggerFactory.getLogger(DeliverPost.class);
  static final Duration HOLD_RECHECK = Duration.ofMinutes(5);
  static final Duration GIVE_UP_AFTER = Duration.ofHours(24);

  private final DeliveryStore deliveries;
  private final PostStore posts;
  private final SettingsStore settings;
  private final Channels channels;
  private final Publisher publisher;
  private final Workspaces workspaces;
  private final HeldPosts held;
  private final Clock clock;
  private final org.springframework.transaction.support.TransactionTemplate tx;
  private final org.springframework.context.ApplicationEventPublisher events;

  DeliverPost(DeliveryStore deliveries, PostStore posts, SettingsStore settings, Channels channels, Publisher publisher,
      Workspaces workspaces, HeldPosts held, Clock clock, org.springframework.transaction.support.TransactionTemplate tx,
      org.springframework.context.ApplicationEventPublisher events) {
    this.tx = tx;
    this.events = events;
    this.deliveries = deliveries;
    this.posts = posts;
    this.settings = settings;
    this.channels = channels;
    this.publisher = publisher;
    this.workspaces = workspaces;
    this.held = held;
    this.clock = clock;
  }

  /** Returns when to run again, or null when this delivery needs no more runs. */
  Instant run(String deliveryId) {
    DeliveryStore.Due d = deliveries.due(deliveryId).orElse(null);
    Instant now = clock.instant();
    if (d == null || !d.state().open() || d.stage() != Stage.READY || d.dueAt() == null) {
      return null;
    }
    if (d.dueAt().isAfter(now)) {
      return d.dueAt(); // moved later while this execution waited
    }
    if (d.paused()) {
      return null; // resuming the queue plans it again
    }
    PublishingSettings rules = settings.of(d.workspaceId());
    if (d.state() == DeliveryState.SCHEDULED && d.attempts() == 0
        && d.dueAt().plus(Duration.ofMinutes(rules.missedAfterMinutes())).isBefore(now)) {
      deliveries.missed(deliveryId, now);
      return null;
    }
    Channel channel = channels.find(d.workspaceId(), d.channelId()).orElse(null);
    if (channel == null) {
      return null;
    }
    if (channel.status() == Channel.Status.NEEDS_RECONNECT || channel.status() == Channel.Status.DISCONNECTED) {
      held.hold(d.workspaceId(), deliveryId, channel, now);
      return now.plus(HOLD_RECHECK);
    }
    if (!deliveries.claim(deliveryId, now)) {
      return null; // another node settled it
    }
    OutgoingPost post = new OutgoingPost(d.parts(), posts.imageBytes(d.postId()), null, "public");
    try {
      Published published = publisher.publish(d.workspaceId(), d.channelId(), post, deliveryId);
      Instant at = clock.instant();
      tx.executeWithoutResult(s -> {
        deliveries.published(deliveryId, published.first().remoteId(), published.first().url(), at);
        events.publishEvent(new PostDelivered(d.workspaceId(), deliveryId, d.postId(), d.channelId(), channel.network(), d.authorId(),
            String.join("\n\n", d.parts()), PostKind.parse("kind", d.kind()), published.first().remoteId(), published.first().url(), at));
      });
      return null;
    } catch (PublishFailure e) {
      return failed(d, e, now);
    } catch (DomainException e) {
      String reason = e.messageIn(workspaces.find(d.workspaceId()).map(w -> w.locale()).orElse(java.util.Locale.ENGLISH));
      deliveries.failed(deliveryId, reason, clock.instant());
      return null;
    }
  }

  private Instant failed(DeliveryStore.Due d, PublishFailure e, Instant now) {
    if (!e.retryable()) {
      Channel channel = channels.find(d.workspaceId(), d.channelId()).orElse(null);
      if (channel != null && channel.status() == Channel.Status.NEEDS_RECONNECT) {
        deliveries.backToScheduled(d.id(), e.getMessage(), now);
        held.hold(d.workspaceId(), d.id(), channel, now);
        return now.plus(HOLD_RECHECK);
      }
      deliveries.failed(d.id(), e.getMessage(), now);
      return null;
    }
    if (d.dueAt().plus(GIVE_UP_AFTER).isBefore(now)) {
      deliveries.failed(d.id(), e.getMessage(), now);
      return null;
    }
    Instant next = now.plus(backoff(d.attempts() + 1));
    if (e.retryAfter() != null && e.retryAfter().isAfter(next)) {
      next = e.retryAfter();
    }
    log.info("Delivery {} will be retried at {}: {}", d.id(), next, e.getMessage());
    deliveries.unknown(d.id(), e.getMessage(), now);
    return next;
  }

  /** 5 s, 10 s, 20 s … up to 15 minutes, with jitter so that many retries do not align. */
  static Duration backoff(int attempt) {
    long seconds = Math.min(900, 5L << Math.min(attempt - 1, 10));
    return Duration.ofMillis(seconds * 1000 + ThreadLocalRandom.current().nextLong(seconds * 250 + 1));
  }
}
