package org.socius.team.internal.web;

import java.time.Clock;
import org.socius.platform.web.PageController;
import org.socius.team.Member;
import org.socius.team.Role;
import org.socius.team.internal.ChangeMemberRole;
import org.socius.team.internal.InvitationStore;
import org.socius.team.internal.InviteMember;
import org.socius.team.internal.MemberStore;
import org.socius.team.internal.RemoveMember;
import org.socius.team.internal.RevokeInvitation;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Owners manage the team: roles, removal, and one-time invitation links. */
@PageController
class MembersController {

  private final MemberStore members;
  private final InvitationStore invitations;
  private final InviteMember invite;
  private final RevokeInvitation revokeInvitation;
  private final ChangeMemberRole changeRole;
  private final RemoveMember remove;
  private final Clock clock;

  MembersController(MemberStore members, InvitationStore invitations, InviteMember invite, RevokeInvitation revokeInvitation,
      ChangeMemberRole changeRole, RemoveMember remove, Clock clock) {
    this.members = members;
    this.invitations = invitations;
    this.invite = invite;
    this.revokeInvitation = revokeInvitation;
    this.changeRole = changeRole;
    this.remove = remove;
    this.clock = clock;
  }

  @GetMapping("/w/{slug}/settings/members")
  String list(Member member, Model model) {
    return render(member, model, null);
  }

  private String render(Member member, Model model, String newLink) {
    member.require(Role.OWNER);
    model.addAttribute("me", member);
    model.addAttribute("members", members.page(member.workspaceId(), "", 1000));
    model.addAttribute("invitations", invitations.open(member.workspaceId(), clock.millis()));
    model.addAttribute("newLink", newLink);
    return "team/members";
  }

  @PostMapping("/w/{slug}/settings/invitations")
  String createInvitation(Member member, @RequestParam String role, @RequestParam(defaultValue = "") String note, Model model) {
    var created = invite.invite(member, role, note);
    String link = ServletUriComponentsBuilder.fromCurrentContextPath().path(created.path()).toUriString();
    return render(member, model, link); // shown once, here, and never stored in clear
  }

  @PostMapping("/w/{slug}/settings/invitations/{id}/revoke")
  String revokeInvitation(Member member, @PathVariable String id, RedirectAttributes redirect) {
    revokeInvitation.revoke(member, id);
    redirect.addFlashAttribute("notice", "invitation-revoked");
    return "redirect:/w/" + member.workspaceSlug() + "/settings/members";
  }

  @PostMapping("/w/{slug}/settings/members/{id}/role")
  String role(Member member, @PathVariable String id, @RequestParam String role, RedirectAttributes redirect) {
    changeRole.change(member, id, role);
    redirect.addFlashAttribute("notice", "role-changed");
    return "redirect:/w/" + member.workspaceSlug() + "/settings/members";
  }

  @PostMapping("/w/{slug}/settings/members/{id}/remove")
  String remove(Member member, @PathVariable String id, RedirectAttributes redirect) {
    remove.remove(member, id);
    redirect.addFlashAttribute("notice", "member-removed");
    if (id.equals(member.memberId())) {
      return "redirect:/";
    }
    return "redirect:/w/" + member.workspaceSlug() + "/settings/members";
  }
}
