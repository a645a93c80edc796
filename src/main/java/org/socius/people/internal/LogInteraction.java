package org.socius.people.internal;

import java.time.Clock;
import java.time.Instant;
import org.socius.platform.DomainException;
import org.socius.platform.Ids;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member records a contact that happened away from the networks ("met at the parish
 * conference", "e-mailed about the project"). It counts as a conversation and, like any
 * interaction, resets keeping in touch.
 */
@Service
public class LogInteraction {

  static final int MAX = 2000;

  private final PersonStore people;
  private final InteractionStore interactions;
  private final Clock clock;

  LogInteraction(PersonStore people, InteractionStore interactions, Clock clock) {
    this.people = people;
    this.interactions = interactions;
    this.clock = clock;
  }

  /** @param at when it happened; null is now; it cannot lie in the future */
  @Transactional
  public Interaction log(Member member, String personId, String text, Instant at) {
    member.require(Role.EDITOR);
    people.find(member.workspaceId(), personId).orElseThrow(UpdatePerson::notFound);
    String words = Input.required("text", text, MAX);
    Instant now = clock.instant();
    Instant when = at == null ? now : at;
    if (when.isAfter(now.plusSeconds(60))) {
      throw new DomainException.Invalid("occurredAt", "problem.interaction-future");
    }
    Interaction i = new Interaction(Ids.newId(), personId, null, null, Interaction.Direction.OUT, Interaction.Kind.MANUAL, null,
        member.memberId(), words, "", when);
    interactions.insert(member.workspaceId(), i, now.toEpochMilli());
    people.touch(member.workspaceId(), personId, when.toEpochMilli());
    return i;
  }
}
