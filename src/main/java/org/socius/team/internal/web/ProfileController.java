package org.socius.team.internal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.socius.platform.DomainException;
import org.socius.platform.web.FormError;
import org.socius.platform.web.PageController;
import org.socius.team.Member;
import org.socius.team.internal.ChangeAvatar;
import org.socius.team.internal.MemberStore;
import org.socius.team.internal.UpdateProfile;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A member's own profile in a workspace: name, bio, signature, avatar, shown on the public page or not. */
@PageController
class ProfileController {

  private final MemberStore members;
  private final UpdateProfile update;
  private final ChangeAvatar avatar;

  ProfileController(MemberStore members, UpdateProfile update, ChangeAvatar avatar) {
    this.members = members;
    this.update = update;
    this.avatar = avatar;
  }

  @GetMapping("/w/{slug}/settings/profile")
  String form(Member member, Model model) {
    model.addAttribute("profile", members.profile(member.workspaceId(), member.memberId()).orElseThrow());
    model.addAttribute("error", null);
    return "team/profile";
  }

  @PostMapping("/w/{slug}/settings/profile")
  String save(Member member, @ModelAttribute UpdateProfile.Form form, Model model, RedirectAttributes redirect,
      HttpServletResponse response) {
    try {
      update.update(member, form);
      redirect.addFlashAttribute("notice", "saved");
      return "redirect:/w/" + member.workspaceSlug() + "/settings/profile";
    } catch (DomainException.Invalid e) {
      var current = members.profile(member.workspaceId(), member.memberId()).orElseThrow();
      model.addAttribute("profile", new org.socius.team.MemberProfile(current.memberId(), current.workspaceId(), current.userId(),
          current.role(), form.displayName(), form.bio(), form.signature(), Boolean.TRUE.equals(form.showPublicly()), current.hasAvatar()));
      model.addAttribute("error", FormError.of(e));
      response.setStatus(400);
      return "team/profile";
    }
  }

  @PostMapping("/w/{slug}/settings/profile/avatar")
  String uploadAvatar(Member member, @RequestParam(name = "avatar", required = false) MultipartFile file, Model model,
      RedirectAttributes redirect, HttpServletResponse response) throws IOException {
    try {
      avatar.upload(member, file == null ? null : file.getBytes()); // no file (or no multipart form): 400, not 500
      redirect.addFlashAttribute("notice", "saved");
      return "redirect:/w/" + member.workspaceSlug() + "/settings/profile";
    } catch (DomainException.Invalid e) {
      model.addAttribute("profile", members.profile(member.workspaceId(), member.memberId()).orElseThrow());
      model.addAttribute("error", FormError.of(e));
      response.setStatus(400);
      return "team/profile";
    }
  }

  @PostMapping("/w/{slug}/settings/profile/avatar/remove")
  String removeAvatar(Member member, RedirectAttributes redirect) {
    avatar.remove(member);
    redirect.addFlashAttribute("notice", "saved");
    return "redirect:/w/" + member.workspaceSlug() + "/settings/profile";
  }
}
