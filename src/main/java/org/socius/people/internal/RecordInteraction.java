package org.socius.people.internal;

import java.time.Clock;
import java.util.Objects;
import org.socius.networks.Actor;
import org.socius.networks.EventType;
import org.socius.networks.Network;
import org.socius.networks.NetworkEvent;
import org.socius.networks.NetworkEventRecorded;
import org.socius.networks.Post;
import org.socius.people.internal.Interaction.Direction;
import org.socius.people.internal.Interaction.Kind;
import org.socius.platform.Ids;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns each network event into an interaction with the person behind its actor: an account
 * Socius has not met becomes a new person with that one account; a known account is brought up
 * to date (handle, name, avatar, bio — noting when the bio's text changed). Runs in the
 * transaction that stored the event, so both are kept or neither. Delivering the same event
 * again records nothing (the interaction is unique per network event). Runs before the other
 * listeners of the event ({@link #ORDER}), so that they find the person.
 */
@Service
public class RecordInteraction {

  /** Listeners that need the event's person run after this order. */
  public static final int ORDER = 0;

  static final int EXCERPT = 500;

  private final PersonStore people;
  private final InteractionStore interactions;
  private final Clock clock;

  RecordInteraction(PersonStore people, InteractionStore interactions, Clock clock) {
    this.people = people;
    this.interactions = interactions;
    this.clock = clock;
  }

  @EventListener
  @Order(ORDER)
  @Transactional
  public void on(NetworkEventRecorded recorded) {
    NetworkEvent e = recorded.event();
    if (e.actor() == null || e.actor().remoteId() == null || e.actor().remoteId().isBlank()) {
      return;
    }
    PersonStore.Known account = account(e);
    Post post = e.post();
    Interaction interaction = new Interaction(Ids.newId(), account.personId(), account.identityId(), e.channelId(), Direction.IN,
        kind(e), e.id(), null, post == null ? "" : excerpt(post.text()), url(e), e.occurredAt());
    if (interactions.insert(e.workspaceId(), interaction, clock.millis())) {
      people.touch(e.workspaceId(), account.personId(), e.occurredAt().toEpochMilli());
    }
  }

  /** Finds or makes the account and its person, and refreshes what the event shows of it. */
  private PersonStore.Known account(NetworkEvent e) {
    Actor actor = e.actor();
    long now = clock.millis();
    PersonStore.Known k = meet(e.workspaceId(), e.network(), actor, now);
    if (e.type() != EventType.FOLLOWER_LOST) { // a leaver's snapshot may be an old one, or the id alone
      boolean bioChanged = !Objects.equals(nz(k.bioText()), nz(actor.bioText()));
      people.refreshAccount(e.workspaceId(), k, actor, bioChanged, now);
      people.followName(e.workspaceId(), k.personId(), name(actor));
    }
    return k;
  }

  /**
   * The account and its person: known already, added by hand (claimed now), or new. Our own
   * messages to someone meet them this way too.
   */
  PersonStore.Known meet(String workspaceId, Network network, Actor actor, long now) {
    var known = people.account(workspaceId, network, actor.remoteId());
    if (known.isEmpty() && people.claimHandAccount(workspaceId, network, actor.remoteId(), actor.handle())) {
      known = people.account(workspaceId, network, actor.remoteId()); // a member had added it by hand
    }
    if (known.isEmpty()) {
      String personId = Ids.newId();
      people.insert(personId, workspaceId, name(actor), now);
      if (people.insertAccount(Ids.newId(), personId, workspaceId, network, actor, now)) {
        return people.account(workspaceId, network, actor.remoteId()).orElseThrow();
      }
      people.delete(workspaceId, personId); // another node added the account first: use theirs
      known = people.account(workspaceId, network, actor.remoteId());
    }
    return known.orElseThrow();
  }

  static Kind kind(NetworkEvent e) {
    return switch (e.type()) {
      case FOLLOWER_GAINED -> Kind.FOLLOWED;
      case FOLLOWER_LOST -> Kind.UNFOLLOWED;
      case MENTIONED -> Kind.MENTIONED;
      case REPLIED -> Kind.REPLIED;
      case DIRECT_MESSAGE -> Kind.MESSAGED;
      case FAVOURITED -> Kind.FAVOURITED;
      case REPOSTED -> Kind.REPOSTED;
      case QUOTED -> Kind.QUOTED;
    };
  }

  private static String url(NetworkEvent e) {
    String url = e.post() != null && e.post().url() != null ? e.post().url() : e.actor().profileUrl();
    return url == null || url.length() > 2000 ? "" : url;
  }

  private static String name(Actor a) {
    String name = a.displayName() == null || a.displayName().isBlank() ? a.handle() : a.displayName().strip();
    return excerpt(name == null ? a.remoteId() : name, 300);
  }

  static String excerpt(String text) {
    return excerpt(text, EXCERPT);
  }

  private static String excerpt(String text, int max) {
    if (text == null) {
      return "";
    }
    return text.codePointCount(0, text.length()) <= max ? text : text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
