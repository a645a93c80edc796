package org.socius.inbox.internal.greet;

import java.time.Clock;
import org.socius.networks.EventType;
import org.socius.networks.NetworkEvent;
import org.socius.networks.NetworkEventRecorded;
import org.socius.platform.Ids;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A new follower gets a greet card, in the transaction that stored the follow. Followers read by
 * an account's first import are not new: greeting hundreds of old followers at once would be
 * exactly the form letter Socius is against.
 */
@Service
class OpenGreetCard {

  private final GreetCardStore cards;
  private final Clock clock;

  OpenGreetCard(GreetCardStore cards, Clock clock) {
    this.cards = cards;
    this.clock = clock;
  }

  @EventListener
  @Transactional
  public void on(NetworkEventRecorded recorded) {
    NetworkEvent e = recorded.event();
    if (e.type() != EventType.FOLLOWER_GAINED || e.backfill() || e.actor() == null || e.actor().remoteId() == null) {
      return;
    }
    cards.insert(Ids.newId(), e.workspaceId(), e.channelId(), e.network(), e.id(), e.actor(), e.occurredAt(), clock.millis());
  }
}
