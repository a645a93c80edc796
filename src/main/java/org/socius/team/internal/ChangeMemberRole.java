package org.socius.team.internal;

import org.socius.platform.DomainException;
import org.socius.team.Member;
import org.socius.team.MemberProfile;
import org.socius.team.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An owner changes a member's role; a workspace always keeps at least one owner. */
@Service
public class ChangeMemberRole {

  private final MemberStore members;

  ChangeMemberRole(MemberStore members) {
    this.members = members;
  }

  @Transactional
  public MemberProfile change(Member owner, String memberId, String role) {
    owner.require(Role.OWNER);
    Role newRole = Role.parse("role", role);
    MemberProfile target = members.profile(owner.workspaceId(), memberId)
        .orElseThrow(() -> new DomainException.NotFound("problem.no-member"));
    if (target.role() == Role.OWNER && newRole != Role.OWNER && members.countOwners(owner.workspaceId()) <= 1) {
      throw new DomainException.Conflict("problem.last-owner-role");
    }
    members.updateRole(owner.workspaceId(), memberId, newRole);
    return members.profile(owner.workspaceId(), memberId).orElseThrow();
  }
}
