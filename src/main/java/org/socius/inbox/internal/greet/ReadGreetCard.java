package org.socius.inbox.internal.greet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.socius.networks.Actor;
import org.socius.networks.Network;
import org.socius.networks.Post;
import org.socius.networks.Profiles;
import org.socius.networks.PublishFailure;
import org.socius.people.People;
import org.socius.people.Person;
import org.socius.platform.DomainException;
import org.socius.platform.Messages;
import org.springframework.stereotype.Service;

/**
 * Builds a greet card to show. Their latest posts and mutual connections are read from the
 * network when the card is opened (a follower's posts are not in Socius yet); when the network
 * cannot be asked, the card still shows what Socius holds.
 */
@Service
public class ReadGreetCard {

  static final int POSTS = 3;
  static final int MUTUALS = 6;

  private final GreetCardStore cards;
  private final People people;
  private final Profiles profiles;

  ReadGreetCard(GreetCardStore cards, People people, Profiles profiles) {
    this.cards = cards;
    this.people = people;
    this.profiles = profiles;
  }

  public GreetCard card(String workspaceId, String cardId) {
    return cards.find(workspaceId, cardId).orElseThrow(() -> new DomainException.NotFound("problem.no-greet-card"));
  }

  public List<GreetCard> list(String workspaceId, GreetCard.State state, Long beforeAt, String beforeId, int limit) {
    return cards.list(workspaceId, state, beforeAt, beforeId, limit);
  }

  public java.util.Optional<String> newestFor(String workspaceId, String handle) {
    return cards.newestFor(workspaceId, handle == null ? "" : handle);
  }

  public long openCount(String workspaceId) {
    return cards.countOpen(workspaceId);
  }

  public GreetCardView read(String workspaceId, String cardId, Locale locale) {
    GreetCard card = card(workspaceId, cardId);
    String personId = people.findByAccount(workspaceId, card.network(), card.actorRemoteId()).map(Person::id).orElse(null);
    List<BioTopics.Topic> topics = BioTopics.topics(card.bioText());
    List<Post> posts = List.of();
    List<GreetCardView.Mutual> mutuals = new ArrayList<>();
    boolean failed = false;
    if (card.state() == GreetCard.State.OPEN) {
      try {
        posts = profiles.latestPosts(workspaceId, card.channelId(), card.actorRemoteId(), POSTS);
        for (Actor a : profiles.mutualConnections(workspaceId, card.channelId(), card.actorRemoteId(), MUTUALS)) {
          String known = people.findByAccount(workspaceId, card.network(), a.remoteId()).map(Person::id).orElse(null);
          mutuals.add(new GreetCardView.Mutual(a.handle(), a.displayName(), a.profileUrl(), known));
        }
      } catch (PublishFailure | DomainException e) {
        failed = true;
      }
    }
    List<String> starters = Starters.of(card.bioText(), card.network(), (key, args) -> Messages.format(key, args, locale));
    return new GreetCardView(card, personId, BioTopics.segments(card.bioText(), topics), topics, BioTopics.links(card.bioText()),
        posts, mutuals, starters, card.network() == Network.MASTODON, failed);
  }
}
