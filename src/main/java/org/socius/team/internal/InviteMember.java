package org.socius.team.internal;

import java.time.Clock;
import java.time.Duration;
import org.socius.platform.Hashes;
import org.socius.platform.Ids;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.stereotype.Service;

/** An owner creates a one-time invitation link for a role; the link is shown once. */
@Service
public class InviteMember {

  public static final Duration VALID_FOR = Duration.ofDays(7);

  public record Created(InvitationStore.Invitation invitation, String secret) {
    public String path() {
      return "/invite/" + secret;
    }
  }

  private final InvitationStore invitations;
  private final Clock clock;

  InviteMember(InvitationStore invitations, Clock clock) {
    this.invitations = invitations;
    this.clock = clock;
  }

  public Created invite(Member owner, String role, String note) {
    owner.require(Role.OWNER);
    Role invitedRole = Role.parse("role", role);
    String cleanNote = Fields.optionalText("note", note, 200);
    long now = clock.millis();
    String secret = Ids.newSecret("inv_");
    InvitationStore.Invitation invitation = new InvitationStore.Invitation(Ids.newId(), owner.workspaceId(), invitedRole.code(),
        cleanNote, owner.userId(), now, now + VALID_FOR.toMillis(), null, null);
    invitations.insert(invitation, Hashes.sha256(secret));
    return new Created(invitation, secret);
  }
}
