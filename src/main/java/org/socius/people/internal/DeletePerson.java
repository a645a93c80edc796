package org.socius.people.internal;

import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An owner deletes what Socius keeps about a person: the person, their accounts as seen, the
 * interactions, notes and tags. The networks' event log stays as the networks delivered it; a
 * new event from one of the accounts starts a new person.
 */
@Service
public class DeletePerson {

  private final PersonStore people;

  DeletePerson(PersonStore people) {
    this.people = people;
  }

  @Transactional
  public void delete(Member owner, String personId) {
    owner.require(Role.OWNER);
    people.find(owner.workspaceId(), personId).orElseThrow(UpdatePerson::notFound);
    people.delete(owner.workspaceId(), personId);
  }
}
