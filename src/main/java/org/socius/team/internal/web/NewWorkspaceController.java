package org.socius.team.internal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import org.socius.platform.DomainException;
import org.socius.platform.web.FormError;
import org.socius.platform.web.PageController;
import org.socius.team.internal.CreateWorkspace;
import org.socius.team.internal.security.SessionSignIn;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** Any signed-in person can start another workspace and becomes its owner. */
@PageController
class NewWorkspaceController {

  private final CreateWorkspace create;

  NewWorkspaceController(CreateWorkspace create) {
    this.create = create;
  }

  @GetMapping("/workspaces/new")
  String form(Model model) {
    model.addAttribute("form", new CreateWorkspace.Form("", "brand", ZoneId.systemDefault().getId(), "en"));
    model.addAttribute("error", null);
    return "team/new-workspace";
  }

  @PostMapping("/workspaces/new")
  String submit(@ModelAttribute CreateWorkspace.Form form, Model model, HttpServletResponse response) {
    try {
      var workspace = create.create(SessionSignIn.currentUserId(), form);
      return "redirect:/w/" + workspace.slug() + "/today";
    } catch (DomainException.Invalid e) {
      model.addAttribute("form", form);
      model.addAttribute("error", FormError.of(e));
      response.setStatus(400);
      return "team/new-workspace";
    }
  }
}
