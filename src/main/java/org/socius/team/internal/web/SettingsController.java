package org.socius.team.internal.web;

import jakarta.servlet.http.HttpServletResponse;
import org.socius.platform.DomainException;
import org.socius.platform.web.FormError;
import org.socius.platform.web.PageController;
import org.socius.team.Member;
import org.socius.team.Role;
import org.socius.team.internal.UpdateWorkspaceSettings;
import org.socius.team.internal.WorkspaceStore;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings: the overview every member sees, and the workspace form that only owners see. */
@PageController
class SettingsController {

  private final WorkspaceStore workspaces;
  private final UpdateWorkspaceSettings update;

  SettingsController(WorkspaceStore workspaces, UpdateWorkspaceSettings update) {
    this.workspaces = workspaces;
    this.update = update;
  }

  @GetMapping("/w/{slug}/settings")
  String overview(Member member, Model model) {
    model.addAttribute("member", member);
    return "team/settings";
  }

  @GetMapping("/w/{slug}/settings/workspace")
  String workspace(Member member, Model model) {
    member.require(Role.OWNER);
    model.addAttribute("workspace", workspaces.findById(member.workspaceId()).orElseThrow());
    model.addAttribute("error", null);
    return "team/workspace-settings";
  }

  @PostMapping("/w/{slug}/settings/workspace")
  String save(Member member, @ModelAttribute UpdateWorkspaceSettings.Form form, Model model, RedirectAttributes redirect,
      HttpServletResponse response) {
    member.require(Role.OWNER);
    // an unticked checkbox sends nothing: absent means "off" on this form
    var complete = new UpdateWorkspaceSettings.Form(form.name(), form.slug(), form.kind(), form.timeZone(), form.locale(),
        Boolean.TRUE.equals(form.publicPage()));
    try {
      var saved = update.update(member, complete);
      redirect.addFlashAttribute("notice", "saved");
      return "redirect:/w/" + saved.slug() + "/settings/workspace";
    } catch (DomainException.Invalid e) {
      model.addAttribute("workspace", workspaces.findById(member.workspaceId()).orElseThrow());
      model.addAttribute("error", FormError.of(e));
      response.setStatus(400);
      return "team/workspace-settings";
    }
  }
}
