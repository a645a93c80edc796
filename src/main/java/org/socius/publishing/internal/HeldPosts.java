package org.socius.publishing.internal;

import java.time.Instant;
import org.socius.networks.Channel;
import org.socius.platform.OwnerNotifications;
import org.springframework.stereotype.Component;

/**
 * Posts of a channel that needs reconnecting wait (they are not dropped): the delivery says why,
 * and the owners are told once until they read it.
 */
@Component
class HeldPosts {

  private final DeliveryStore deliveries;
  private final OwnerNotifications owners;

  HeldPosts(DeliveryStore deliveries, OwnerNotifications owners) {
    this.deliveries = deliveries;
    this.owners = owners;
  }

  void hold(String workspaceId, String deliveryId, Channel channel, Instant now) {
    String why = "Waiting: " + channel.handle() + " needs to be connected again (Settings → Channels).";
    deliveries.note(deliveryId, why, now);
    owners.notifyOnce(workspaceId, "posts-held", channel.id(),
        "Scheduled posts for " + channel.handle() + " are held until the account is connected again.");
  }
}
