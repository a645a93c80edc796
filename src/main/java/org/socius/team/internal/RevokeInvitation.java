package org.socius.team.internal;

import org.socius.platform.DomainException;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.stereotype.Service;

/** An owner withdraws an invitation that has not been used yet. */
@Service
public class RevokeInvitation {

  private final InvitationStore invitations;

  RevokeInvitation(InvitationStore invitations) {
    this.invitations = invitations;
  }

  public void revoke(Member owner, String invitationId) {
    owner.require(Role.OWNER);
    if (!invitations.delete(owner.workspaceId(), invitationId)) {
      throw new DomainException.NotFound("problem.no-invitation");
    }
  }
}
