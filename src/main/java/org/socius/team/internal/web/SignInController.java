package org.socius.team.internal.web;

import org.socius.platform.web.PageController;
import org.socius.team.internal.security.SessionSignIn;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security checks the form it posts. */
@PageController
class SignInController {

  @GetMapping("/signin")
  String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String locked,
      @RequestParam(required = false) String signedout, Model model) {
    if (SessionSignIn.currentUserId() != null) {
      return "redirect:/";
    }
    long lockedMinutes = 0;
    if (locked != null) {
      try {
        lockedMinutes = Math.max(1, (Long.parseLong(locked) + 59) / 60);
      } catch (NumberFormatException e) {
        lockedMinutes = 15;
      }
    }
    model.addAttribute("failed", error != null);
    model.addAttribute("lockedMinutes", lockedMinutes);
    model.addAttribute("signedOut", signedout != null);
    return "team/signin";
  }
}
