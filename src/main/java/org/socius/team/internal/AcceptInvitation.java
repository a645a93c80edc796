package org.socius.team.internal;

import java.time.Clock;
import java.util.Optional;
import org.socius.platform.DomainException;
import org.socius.platform.Hashes;
import org.socius.platform.Ids;
import org.socius.team.Role;
import org.socius.team.Workspace;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Someone opens an invitation link and joins the workspace: as the signed-in user, or by
 * creating an account on the spot. The link works once.
 */
@Service
public class AcceptInvitation {

  public record Pending(InvitationStore.Invitation invitation, Workspace workspace) {}

  private final InvitationStore invitations;
  private final WorkspaceStore workspaces;
  private final MemberStore members;
  private final UserStore users;
  private final CreateUser createUser;
  private final Clock clock;

  AcceptInvitation(InvitationStore invitations, WorkspaceStore workspaces, MemberStore members, UserStore users,
      CreateUser createUser, Clock clock) {
    this.invitations = invitations;
    this.workspaces = workspaces;
    this.members = members;
    this.users = users;
    this.createUser = createUser;
    this.clock = clock;
  }

  /** The invitation behind a link, if it is still open. */
  public Optional<Pending> find(String secret) {
    return invitations.findByTokenHash(Hashes.sha256(secret))
        .filter(i -> i.acceptedAt() == null && i.expiresAt() > clock.millis())
        .flatMap(i -> workspaces.findById(i.workspaceId()).map(w -> new Pending(i, w)));
  }

  @Transactional
  public Workspace acceptAs(String userId, String secret) {
    Pending pending = find(secret).orElseThrow(AcceptInvitation::gone);
    if (members.memberById(pending.workspace().id(), userId).isPresent()) {
      throw new DomainException.Conflict("problem.already-member", pending.workspace().name());
    }
    if (!invitations.markAccepted(pending.invitation().id(), userId, clock.millis())) {
      throw gone();
    }
    String name = users.findById(userId).orElseThrow().name();
    members.insert(Ids.newId(), pending.workspace().id(), userId, Role.parse("role", pending.invitation().role()), name, clock.millis());
    return pending.workspace();
  }

  @Transactional
  public Workspace acceptAsNewUser(String secret, String name, String email, String password) {
    find(secret).orElseThrow(AcceptInvitation::gone);
    String userId = createUser.create(name, email, password);
    return acceptAs(userId, secret);
  }

  private static DomainException gone() {
    return new DomainException.NotFound("problem.invitation-gone");
  }
}
