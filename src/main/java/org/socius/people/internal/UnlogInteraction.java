package org.socius.people.internal;

import org.socius.platform.DomainException;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes a contact a member logged by hand (network interactions stay: they happened). The
 * keep-in-touch clock goes back to the newest interaction left.
 */
@Service
public class UnlogInteraction {

  private final PersonStore people;
  private final InteractionStore interactions;

  UnlogInteraction(PersonStore people, InteractionStore interactions) {
    this.people = people;
    this.interactions = interactions;
  }

  @Transactional
  public void unlog(Member member, String personId, String interactionId) {
    member.require(Role.EDITOR);
    if (!interactions.deleteManual(member.workspaceId(), personId, interactionId)) {
      throw new DomainException.NotFound("problem.no-interaction");
    }
    people.resetLastInteraction(member.workspaceId(), personId, interactions.latest(member.workspaceId(), personId));
  }
}
