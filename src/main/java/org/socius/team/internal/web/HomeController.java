package org.socius.team.internal.web;

import org.socius.platform.web.PageController;
import org.socius.team.internal.WorkspaceStore;
import org.socius.team.internal.security.SessionSignIn;
import org.springframework.web.bind.annotation.GetMapping;

/** "/" opens the first workspace's Today, or asks for a workspace when there is none. */
@PageController
class HomeController {

  private final WorkspaceStore workspaces;

  HomeController(WorkspaceStore workspaces) {
    this.workspaces = workspaces;
  }

  @GetMapping("/")
  String home() {
    var list = workspaces.forUser(SessionSignIn.currentUserId());
    return list.isEmpty() ? "redirect:/workspaces/new" : "redirect:/w/" + list.get(0).slug() + "/today";
  }
}
