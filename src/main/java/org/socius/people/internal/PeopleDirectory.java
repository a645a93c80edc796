package org.socius.people.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.socius.networks.Network;
import org.socius.people.People;
import org.socius.people.Person;
import org.socius.people.Strength;
import org.springframework.stereotype.Service;

/** The people of a workspace as other capabilities and the pages read them. */
@Service
public class PeopleDirectory implements People {

  static final int MAX_SEARCH = 500;
  /** A kept strength is used for this long; decay alone moves a score by 0.1 % in an hour. */
  static final java.time.Duration FRESH = java.time.Duration.ofHours(1);

  private final PersonStore people;
  private final InteractionStore interactions;
  private final NoteStore notes;
  private final StrengthCache cache;
  private final PeopleByWebsite byWebsite;
  private final Clock clock;

  PeopleDirectory(PersonStore people, InteractionStore interactions, NoteStore notes, StrengthCache cache, PeopleByWebsite byWebsite,
      Clock clock) {
    this.people = people;
    this.byWebsite = byWebsite;
    this.notes = notes;
    this.interactions = interactions;
    this.cache = cache;
    this.clock = clock;
  }

  @Override
  public Optional<Person> find(String workspaceId, String personId) {
    return people.find(workspaceId, personId);
  }

  @Override
  public Optional<Person> findByAccount(String workspaceId, Network network, String remoteId) {
    return people.account(workspaceId, network, remoteId).flatMap(k -> people.find(workspaceId, k.personId()));
  }

  @Override
  public List<Person> search(String workspaceId, String text, int limit) {
    return people.search(workspaceId, text, PersonStore.Order.RELEVANCE, Math.max(1, Math.min(limit, MAX_SEARCH)));
  }

  @Override
  public List<Person> byWebsite(String workspaceId, String host) {
    return byWebsite.find(workspaceId, host);
  }

  @Override
  public Optional<Strength> strength(String workspaceId, String personId) {
    return people.find(workspaceId, personId).map(p -> strengths(workspaceId, List.of(p)).get(p.id()));
  }

  /**
   * The strength of each of these people now: as kept when computed in the last hour and their
   * interactions did not change since, else computed from their interactions (and kept).
   */
  public Map<String, Strength> strengths(String workspaceId, List<Person> of) {
    Instant now = clock.instant();
    List<String> ids = of.stream().map(Person::id).toList();
    Map<String, Strength> kept = cache.read(workspaceId, ids, now.minus(FRESH).toEpochMilli());
    List<String> missing = ids.stream().filter(id -> !kept.containsKey(id)).toList();
    Map<String, List<Interaction>> histories = interactions.since(workspaceId, missing, now.minus(RelationshipStrength.HORIZON));
    Map<String, Strength> result = new java.util.LinkedHashMap<>();
    Map<String, Strength> computed = new java.util.HashMap<>();
    for (Person p : of) {
      Strength s = kept.get(p.id());
      if (s == null) {
        s = RelationshipStrength.of(histories.getOrDefault(p.id(), List.of()), now);
        computed.put(p.id(), s);
      }
      result.put(p.id(), s);
    }
    cache.write(workspaceId, computed, now.toEpochMilli());
    return result;
  }

  @Override
  public long genuineRelationships(String workspaceId) {
    return people.withConversationSince(workspaceId, clock.instant().minus(RelationshipStrength.RECIPROCITY_WINDOW).toEpochMilli());
  }

  public Instant now() {
    return clock.instant();
  }

  @Override
  public List<Person> pastDue(String workspaceId, int limit) {
    return people.reconnect(workspaceId, clock.millis(), Math.max(1, Math.min(limit, MAX_SEARCH)));
  }

  @Override
  public List<Note> notes(String workspaceId, String personId, int limit) {
    return notes.of(workspaceId, personId).stream().limit(limit).map(n -> new Note(n.id(), n.memberId(), n.body(), n.createdAt())).toList();
  }

  @Override
  public List<Contact> lastInteractions(String workspaceId, String personId, int limit) {
    return interactions.timeline(workspaceId, personId, limit).stream()
        .map(i -> new Contact(i.direction().code(), i.kind().code(), i.memberId(), i.text(), i.url(), i.occurredAt())).toList();
  }
}
