package org.socius.team.internal;

import java.time.Clock;
import org.socius.platform.DomainException;
import org.socius.platform.Ids;
import org.socius.team.Member;
import org.socius.team.PersonalActs;
import org.socius.team.Role;
import org.socius.team.internal.security.ApiTokenPrincipal;
import org.socius.team.internal.security.SignedInUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Finds the person behind a personal act in the request's own security context, which only the
 * sign-in filters fill: a job, a listener on another thread or a recipe has none and is refused.
 * The check reads the membership from the database each time, so a member removed a moment ago
 * cannot send.
 */
@Service
class RequirePerson implements PersonalActs {

  private final MemberStore members;
  private final JdbcClient jdbc;
  private final Clock clock;

  RequirePerson(MemberStore members, JdbcClient jdbc, Clock clock) {
    this.members = members;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public Member requirePerson(String workspaceId, String action, String target) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    Object principal = auth == null || !auth.isAuthenticated() ? null : auth.getPrincipal();
    if (principal instanceof SignedInUser user) {
      return members.memberById(workspaceId, user.userId()).orElseThrow(RequirePerson::refused).require(Role.EDITOR);
    }
    if (principal instanceof ApiTokenPrincipal token && token.personalMessages() && token.workspaceId().equals(workspaceId)) {
      Member member = members.memberById(workspaceId, token.userId()).orElseThrow(RequirePerson::refused);
      Member acting = new Member(member.memberId(), member.workspaceId(), member.workspaceSlug(), member.workspaceName(),
          member.userId(), member.displayName(), Role.lesser(token.role(), member.role()), token.tokenId()).require(Role.EDITOR);
      jdbc.sql("""
          INSERT INTO personal_act_audit (id, workspace_id, token_id, member_id, action, target, at)
          VALUES (:id, :ws, :token, :member, :action, :target, :at)""")
          .param("id", Ids.newId()).param("ws", workspaceId).param("token", token.tokenId()).param("member", acting.memberId())
          .param("action", clip(action, 40)).param("target", clip(target, 300)).param("at", clock.millis()).update();
      return acting;
    }
    throw refused();
  }

  private static DomainException refused() {
    return new DomainException.Forbidden("problem.person-must-act");
  }

  private static String clip(String s, int max) {
    return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
  }
}
