package org.socius.people.internal;

import java.time.Clock;
import org.socius.people.Person;
import org.socius.platform.DomainException;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes what the team keeps about a person: name, website, how you met, time zone, keeping in touch. */
@Service
public class UpdatePerson {

  /** The fields a member edits; a null cadence means "no reminder". */
  public record Details(String displayName, String website, String howWeMet, String timeZone, Integer cadenceDays) {}

  private final PersonStore people;
  private final Clock clock;

  UpdatePerson(PersonStore people, Clock clock) {
    this.people = people;
    this.clock = clock;
  }

  @Transactional
  public Person update(Member member, String personId, Details d) {
    member.require(Role.EDITOR);
    Person person = people.find(member.workspaceId(), personId).orElseThrow(UpdatePerson::notFound);
    String name = Input.required("displayName", d.displayName(), 300);
    String website = Input.website(d.website());
    String met = Input.optional("howWeMet", d.howWeMet(), 2000);
    String zone = Input.timeZone(d.timeZone());
    Integer cadence = Input.cadence(d.cadenceDays());
    people.update(member.workspaceId(), person.id(), name, website, met, zone, cadence, clock.millis());
    return people.find(member.workspaceId(), person.id()).orElseThrow();
  }

  static DomainException notFound() {
    return new DomainException.NotFound("problem.no-person");
  }
}
