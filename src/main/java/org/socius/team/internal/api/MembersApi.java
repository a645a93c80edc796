package org.socius.team.internal.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.socius.platform.Cursor;
import org.socius.platform.DomainException;
import org.socius.team.Member;
import org.socius.team.internal.ChangeMemberRole;
import org.socius.team.internal.MemberStore;
import org.socius.team.internal.RemoveMember;
import org.socius.team.internal.UpdateProfile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Members and profiles")
@SecurityRequirement(name = "token")
class MembersApi {

  record RoleChange(String role) {}

  private final MemberStore members;
  private final ChangeMemberRole changeRole;
  private final RemoveMember remove;
  private final UpdateProfile updateProfile;

  MembersApi(MemberStore members, ChangeMemberRole changeRole, RemoveMember remove, UpdateProfile updateProfile) {
    this.members = members;
    this.changeRole = changeRole;
    this.remove = remove;
    this.updateProfile = updateProfile;
  }

  @Operation(summary = "Members of the workspace with their profiles, cursor-paged")
  @GetMapping("/api/v1/workspaces/{workspaceId}/members")
  Cursor.Page<ApiJson.MemberJson> list(Member member, @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor) {
    int size = Cursor.limit(limit);
    var rows = members.page(member.workspaceId(), Cursor.after(cursor), size + 1).stream().map(ApiJson.MemberJson::of).toList();
    return Cursor.Page.of(rows, size, ApiJson.MemberJson::id);
  }

  @Operation(summary = "One member")
  @GetMapping("/api/v1/workspaces/{workspaceId}/members/{memberId}")
  ApiJson.MemberJson get(Member member, @PathVariable String memberId) {
    return members.profile(member.workspaceId(), memberId).map(ApiJson.MemberJson::of)
        .orElseThrow(() -> new DomainException.NotFound("problem.no-member"));
  }

  @Operation(summary = "Change a member's role (owner)")
  @PatchMapping("/api/v1/workspaces/{workspaceId}/members/{memberId}")
  ApiJson.MemberJson changeRole(Member member, @PathVariable String memberId, @RequestBody RoleChange change) {
    return ApiJson.MemberJson.of(changeRole.change(member, memberId, change.role()));
  }

  @Operation(summary = "Remove a member (owner); their tokens stop working")
  @DeleteMapping("/api/v1/workspaces/{workspaceId}/members/{memberId}")
  ResponseEntity<Void> remove(Member member, @PathVariable String memberId) {
    remove.remove(member, memberId);
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Your own profile in this workspace")
  @GetMapping("/api/v1/workspaces/{workspaceId}/profile")
  ApiJson.MemberJson profile(Member member) {
    return ApiJson.MemberJson.of(members.profile(member.workspaceId(), member.memberId()).orElseThrow());
  }

  @Operation(summary = "Replace your own profile in this workspace")
  @PutMapping("/api/v1/workspaces/{workspaceId}/profile")
  ApiJson.MemberJson updateProfile(Member member, @RequestBody UpdateProfile.Form form) {
    return ApiJson.MemberJson.of(updateProfile.update(member, form));
  }
}
