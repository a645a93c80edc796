package org.socius.team.internal;

import java.util.Locale;
import org.socius.platform.DomainException;
import org.socius.team.Accounts;
import org.socius.team.Member;
import org.springframework.stereotype.Service;

@Service
class AccountsService implements Accounts {

  private final CreateUser createUser;
  private final CreateApiToken createToken;
  private final UserStore users;
  private final MemberStore members;

  AccountsService(CreateUser createUser, CreateApiToken createToken, UserStore users, MemberStore members) {
    this.createUser = createUser;
    this.createToken = createToken;
    this.users = users;
    this.members = members;
  }

  @Override
  public String createUser(String name, String email, String password) {
    return createUser.create(name, email, password);
  }

  @Override
  public IssuedToken createToken(String email, String workspaceSlug, String role, String name) {
    var member = member(email, workspaceSlug);
    var created = createToken.create(member, name, role);
    return new IssuedToken(created.token().id(), member.workspaceId(), created.token().role(), created.secret());
  }

  @Override
  public Member member(String email, String workspaceSlug) {
    var user = users.findByEmail(email == null ? "" : email.strip().toLowerCase(Locale.ROOT))
        .orElseThrow(() -> new DomainException.NotFound("problem.no-user", email));
    return members.memberBySlug(workspaceSlug, user.id())
        .orElseThrow(() -> new DomainException.NotFound("problem.not-member-of", email, workspaceSlug));
  }
}
