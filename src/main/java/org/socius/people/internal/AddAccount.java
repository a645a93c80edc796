package org.socius.people.internal;

import java.time.Clock;
import org.socius.people.Person;
import org.socius.platform.DomainException;
import org.socius.platform.Ids;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member adds an account they know of to a person ("she is @ann@example.social"). It is kept
 * as added by hand until an event from the account arrives and gives it its network id. An
 * account another person of the workspace has is refused: merge the two people instead.
 */
@Service
public class AddAccount {

  private final PersonStore people;
  private final Clock clock;

  AddAccount(PersonStore people, Clock clock) {
    this.people = people;
    this.clock = clock;
  }

  @Transactional
  public Person add(Member member, String personId, PersonCard.Account account) {
    member.require(Role.EDITOR);
    String ws = member.workspaceId();
    people.find(ws, personId).orElseThrow(UpdatePerson::notFound);
    Input.HandAccount a = Input.account(account.network(), account.handle(), account.profileUrl());
    var owner = people.ownerOfAccount(ws, a.network(), a.handle(), a.profileUrl());
    if (owner.isPresent() && !owner.get().equals(personId)) {
      throw new DomainException.Conflict("problem.person-account-known", a.handle());
    }
    if (owner.isEmpty()) {
      people.insertHandAccount(Ids.newId(), personId, ws, a.network(), a.handle(), a.profileUrl(), clock.millis());
    }
    return people.find(ws, personId).orElseThrow();
  }
}
