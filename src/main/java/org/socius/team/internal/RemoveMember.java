package org.socius.team.internal;

import java.time.Clock;
import org.socius.platform.DomainException;
import org.socius.team.Member;
import org.socius.team.MemberProfile;
import org.socius.team.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An owner removes a member; the member's API tokens for this workspace stop working at once. */
@Service
public class RemoveMember {

  private final MemberStore members;
  private final ApiTokenStore tokens;
  private final Clock clock;

  RemoveMember(MemberStore members, ApiTokenStore tokens, Clock clock) {
    this.members = members;
    this.tokens = tokens;
    this.clock = clock;
  }

  @Transactional
  public void remove(Member owner, String memberId) {
    owner.require(Role.OWNER);
    MemberProfile target = members.profile(owner.workspaceId(), memberId)
        .orElseThrow(() -> new DomainException.NotFound("problem.no-member"));
    if (target.role() == Role.OWNER && members.countOwners(owner.workspaceId()) <= 1) {
      throw new DomainException.Conflict("problem.last-owner-remove");
    }
    tokens.revokeAllOf(owner.workspaceId(), target.userId(), clock.millis());
    members.delete(owner.workspaceId(), memberId);
  }
}
