package org.socius.team.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.socius.platform.DomainException;
import org.socius.platform.web.FormError;
import org.socius.platform.web.PageController;
import org.socius.team.internal.AcceptInvitation;
import org.socius.team.internal.UserStore;
import org.socius.team.internal.security.SessionSignIn;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page behind an invitation link: join as the signed-in person, or create an account and join. */
@PageController
class InvitationController {

  private final AcceptInvitation accept;
  private final SessionSignIn sessions;
  private final UserStore users;

  InvitationController(AcceptInvitation accept, SessionSignIn sessions, UserStore users) {
    this.accept = accept;
    this.sessions = sessions;
    this.users = users;
  }

  @GetMapping("/invite/{secret}")
  String show(@PathVariable String secret, Model model) {
    var pending = accept.find(secret).orElseThrow(() ->
        new DomainException.NotFound("problem.invitation-gone"));
    model.addAttribute("pending", pending);
    model.addAttribute("secret", secret);
    model.addAttribute("userId", SessionSignIn.currentUserId());
    model.addAttribute("error", null);
    model.addAttribute("name", "");
    model.addAttribute("email", "");
    return "team/invite";
  }

  @PostMapping("/invite/{secret}")
  String join(@PathVariable String secret) {
    String userId = SessionSignIn.currentUserId();
    if (userId == null) {
      return "redirect:/invite/" + secret;
    }
    return "redirect:/w/" + accept.acceptAs(userId, secret).slug() + "/today";
  }

  @PostMapping("/invite/{secret}/register")
  String register(@PathVariable String secret, @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password, Model model,
      HttpServletRequest request, HttpServletResponse response) {
    try {
      var workspace = accept.acceptAsNewUser(secret, name, email, password);
      var user = users.findByEmail(email.strip().toLowerCase(java.util.Locale.ROOT)).orElseThrow();
      sessions.signIn(request, response, user.id(), user.email());
      return "redirect:/w/" + workspace.slug() + "/today";
    } catch (DomainException.Invalid e) {
      var pending = accept.find(secret).orElseThrow(() -> new DomainException.NotFound("problem.invitation-gone"));
      model.addAttribute("pending", pending);
      model.addAttribute("secret", secret);
      model.addAttribute("userId", null);
      model.addAttribute("error", FormError.of(e));
      model.addAttribute("name", name);
      model.addAttribute("email", email);
      response.setStatus(400);
      return "team/invite";
    }
  }
}
