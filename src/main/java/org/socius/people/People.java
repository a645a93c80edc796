package org.socius.people;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.socius.networks.Network;

/** Read access to a workspace's people, e.g. for the inbox's person card. */
public interface People {

  Optional<Person> find(String workspaceId, String personId);

  /** The person who owns an account on a network, if Socius has met it. */
  Optional<Person> findByAccount(String workspaceId, Network network, String remoteId);

  /** People found by the text (every word as the start of a word of their name, handle, bio, tags or notes), best match first. */
  List<Person> search(String workspaceId, String text, int limit);

  /**
   * People whose website is on this host (a leading "www." ignored), oldest first, at most 20;
   * e.g. to credit the author of a shared page.
   */
  List<Person> byWebsite(String workspaceId, String host);

  /** How strong the relationship with a person is now (see docs/people.md). */
  Optional<Strength> strength(String workspaceId, String personId);

  /** People with at least one two-way conversation in the last 90 days: the figure Socius is measured by. */
  long genuineRelationships(String workspaceId);

  /** The newest notes about a person, newest first (markdown as written; untrusted). */
  List<Note> notes(String workspaceId, String personId, int limit);

  /** The person's latest interactions in both directions, newest first. */
  List<Contact> lastInteractions(String workspaceId, String personId, int limit);

  record Note(String id, String memberId, String body, Instant createdAt) {}

  /**
   * @param direction in (theirs) or out (ours, by memberId)
   * @param kind followed, mentioned, replied, messaged, favourited, reposted, quoted, greeted, manual…
   * @param text an excerpt; untrusted
   */
  record Contact(String direction, String kind, String memberId, String text, String url, Instant occurredAt) {}

  /** People past due for keeping in touch (their cadence has run out), longest overdue first. */
  List<Person> pastDue(String workspaceId, int limit);
}
