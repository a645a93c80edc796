package org.socius.team.internal.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.socius.platform.Cursor;
import org.socius.team.Member;
import org.socius.team.Role;
import org.socius.team.internal.InvitationStore;
import org.socius.team.internal.InviteMember;
import org.socius.team.internal.RevokeInvitation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@Tag(name = "Invitations")
@SecurityRequirement(name = "token")
class InvitationsApi {

  record NewInvitation(String role, String note) {}

  private final InvitationStore invitations;
  private final InviteMember invite;
  private final RevokeInvitation revoke;
  private final Clock clock;

  InvitationsApi(InvitationStore invitations, InviteMember invite, RevokeInvitation revoke, Clock clock) {
    this.invitations = invitations;
    this.invite = invite;
    this.revoke = revoke;
    this.clock = clock;
  }

  @Operation(summary = "Open invitations (owner)")
  @GetMapping("/api/v1/workspaces/{workspaceId}/invitations")
  Cursor.Page<ApiJson.InvitationJson> list(Member member) {
    member.require(Role.OWNER);
    return new Cursor.Page<>(invitations.open(member.workspaceId(), clock.millis()).stream()
        .map(i -> ApiJson.InvitationJson.of(i, null)).toList(), null);
  }

  @Operation(summary = "Create a one-time invitation link (owner); the link is in this answer only")
  @PostMapping("/api/v1/workspaces/{workspaceId}/invitations")
  ResponseEntity<ApiJson.InvitationJson> create(Member member, @RequestBody NewInvitation body) {
    var created = invite.invite(member, body.role(), body.note());
    String link = ServletUriComponentsBuilder.fromCurrentContextPath().path(created.path()).toUriString();
    return ResponseEntity.status(HttpStatus.CREATED).body(ApiJson.InvitationJson.of(created.invitation(), link));
  }

  @Operation(summary = "Withdraw an open invitation (owner)")
  @DeleteMapping("/api/v1/workspaces/{workspaceId}/invitations/{invitationId}")
  ResponseEntity<Void> revoke(Member member, @PathVariable String invitationId) {
    revoke.revoke(member, invitationId);
    return ResponseEntity.noContent().build();
  }
}
