package org.socius.people;

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

  /** How strong the relationship with a person is now (see docs/people.md). */
  Optional<Strength> strength(String workspaceId, String personId);

  /** People with at least one two-way conversation in the last 90 days: the figure Socius is measured by. */
  long genuineRelationships(String workspaceId);
}
