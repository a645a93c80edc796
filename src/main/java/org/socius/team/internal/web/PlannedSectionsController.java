package org.socius.team.internal.web;

import org.socius.platform.web.PageController;
import org.socius.team.Member;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The shell's sections whose capabilities have not arrived yet: each page says what will be
 * there. A capability that brings its own page removes its path from this list.
 */
@PageController
class PlannedSectionsController {

  @GetMapping({"/w/{slug}/today",
      "/w/{slug}/tribes", "/w/{slug}/automation", "/w/{slug}/insights"})
  String section(Member member, @PathVariable String slug, Model model, jakarta.servlet.http.HttpServletRequest request) {
    String path = request.getRequestURI();
    model.addAttribute("section", path.substring(path.lastIndexOf('/') + 1));
    return "shell/section";
  }
}
