package org.socius.people.internal;

import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Gives a person a tag (kept lower-case); giving it again changes nothing. */
@Service
public class TagPerson {

  private final PersonStore people;

  TagPerson(PersonStore people) {
    this.people = people;
  }

  @Transactional
  public void tag(Member member, String personId, String tag) {
    member.require(Role.EDITOR);
    String t = Input.tag(tag);
    people.find(member.workspaceId(), personId).orElseThrow(UpdatePerson::notFound);
    people.tag(member.workspaceId(), personId, t);
  }
}
