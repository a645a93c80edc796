package org.socius.people.internal;

import java.time.Clock;
import org.socius.networks.Actor;
import org.socius.networks.PersonalMessageSent;
import org.socius.people.internal.Interaction.Direction;
import org.socius.people.internal.Interaction.Kind;
import org.socius.platform.Ids;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Our side of the relationship: each reply, mention, message, greeting, like or repost a member
 * sent becomes an 'out' interaction of the person it was for, attributed to that member, in the
 * transaction that recorded the sending.
 */
@Service
class RecordSentMessage {

  private final PersonStore people;
  private final RecordInteraction accounts;
  private final InteractionStore interactions;
  private final Clock clock;

  RecordSentMessage(PersonStore people, RecordInteraction accounts, InteractionStore interactions, Clock clock) {
    this.people = people;
    this.accounts = accounts;
    this.interactions = interactions;
    this.clock = clock;
  }

  @EventListener
  @Transactional
  public void on(PersonalMessageSent sent) {
    Actor to = sent.recipient();
    long now = clock.millis();
    PersonStore.Known account = accounts.meet(sent.workspaceId(), sent.network(), to, now);
    Interaction interaction = new Interaction(Ids.newId(), account.personId(), account.identityId(), sent.channelId(), Direction.OUT,
        kind(sent), null, sent.memberId(), RecordInteraction.excerpt(sent.text()), sent.url() == null ? "" : sent.url(),
        sent.sentAt());
    if (interactions.insert(sent.workspaceId(), interaction, now)) {
      people.touch(sent.workspaceId(), account.personId(), sent.sentAt().toEpochMilli());
    }
  }

  static Kind kind(PersonalMessageSent sent) {
    if (sent.greeting()) {
      return Kind.GREETED;
    }
    return switch (sent.kind()) {
      case "REPLY" -> Kind.REPLIED;
      case "MENTION" -> Kind.MENTIONED;
      case "DIRECT" -> Kind.MESSAGED;
      case "LIKE" -> Kind.FAVOURITED;
      case "REPOST" -> Kind.REPOSTED;
      default -> throw new IllegalArgumentException("unknown kind " + sent.kind());
    };
  }
}
