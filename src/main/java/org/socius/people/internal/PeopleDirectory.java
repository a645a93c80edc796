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

  private final PersonStore people;
  private final InteractionStore interactions;
  private final NoteStore notes;
  private final Clock clock;

  PeopleDirectory(PersonStore people, InteractionStore interactions, NoteStore notes, Clock clock) {
    this.people = people;
    this.notes = notes;
    this.interactions = interactions;
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
    return people.search(workspaceId, text, PersonStore.Order.RECENT, Math.max(1, Math.min(limit, MAX_SEARCH)));
  }

  @Override
  public Optional<Strength> strength(String workspaceId, String personId) {
    return people.find(workspaceId, personId).map(p -> strengths(workspaceId, List.of(p)).get(p.id()));
  }

  /** The strength of each of these people now. */
  public Map<String, Strength> strengths(String workspaceId, List<Person> of) {
    Instant now = clock.instant();
    Map<String, List<Interaction>> histories =
        interactions.since(workspaceId, of.stream().map(Person::id).toList(), now.minus(RelationshipStrength.HORIZON));
    Map<String, Strength> result = new java.util.LinkedHashMap<>();
    for (Person p : of) {
      result.put(p.id(), RelationshipStrength.of(histories.getOrDefault(p.id(), List.of()), now));
    }
    return result;
  }

  @Override
  public long genuineRelationships(String workspaceId) {
    return interactions.genuineRelationships(workspaceId, clock.instant().minus(RelationshipStrength.RECIPROCITY_WINDOW));
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
