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
 * A member adds a person by hand: a name (or only an account), details, tags and any accounts
 * they know of. Such accounts are kept as added by hand until the network reports them; an
 * account the workspace knows already belongs to its person, so adding it again is refused.
 */
@Service
public class AddPerson {

  private final PersonStore people;
  private final NoteStore notes;
  private final Clock clock;

  AddPerson(PersonStore people, NoteStore notes, Clock clock) {
    this.people = people;
    this.notes = notes;
    this.clock = clock;
  }

  @Transactional
  public Person add(Member member, PersonCard card) {
    member.require(Role.EDITOR);
    PersonCard.Checked c = card.check();
    for (Input.HandAccount a : c.accounts()) {
      if (people.ownerOfAccount(member.workspaceId(), a.network(), a.handle(), a.profileUrl()).isPresent()) {
        throw new DomainException.Conflict("problem.person-account-known", a.handle());
      }
    }
    return people.find(member.workspaceId(), create(member, c)).orElseThrow();
  }

  /** Writes a checked card as a new person (in the caller's transaction); returns the id. */
  String create(Member member, PersonCard.Checked c) {
    String ws = member.workspaceId();
    String id = Ids.newId();
    long now = clock.millis();
    people.insert(id, ws, c.name(), now);
    people.update(ws, id, c.name(), c.website(), c.howWeMet(), c.timeZone(), c.cadenceDays(), now);
    c.tags().forEach(t -> people.tag(ws, id, t));
    for (Input.HandAccount a : c.accounts()) {
      if (people.ownerOfAccount(ws, a.network(), a.handle(), a.profileUrl()).isEmpty()) {
        people.insertHandAccount(Ids.newId(), id, ws, a.network(), a.handle(), a.profileUrl(), now);
      }
    }
    c.notes().forEach(body -> notes.insert(ws, new NoteStore.Note(Ids.newId(), id, member.memberId(), body, clock.instant())));
    return id;
  }
}
