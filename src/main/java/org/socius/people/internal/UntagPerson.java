package org.socius.people.internal;

import java.util.Locale;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes a tag off a person; a tag they do not have is already off. */
@Service
public class UntagPerson {

  private final PersonStore people;

  UntagPerson(PersonStore people) {
    this.people = people;
  }

  @Transactional
  public void untag(Member member, String personId, String tag) {
    member.require(Role.EDITOR);
    people.find(member.workspaceId(), personId).orElseThrow(UpdatePerson::notFound);
    people.untag(member.workspaceId(), personId, tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT));
  }
}
