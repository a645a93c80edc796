package org.socius.team.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import org.socius.platform.DomainException;
import org.socius.platform.web.FormError;
import org.socius.platform.web.PageController;
import org.socius.team.internal.SetUpInstallation;
import org.socius.team.internal.UserStore;
import org.socius.team.internal.security.SessionSignIn;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** First run: the owner account and the first workspace. */
@PageController
class SetupController {

  private final SetUpInstallation setup;
  private final SessionSignIn sessions;
  private final UserStore users;

  SetupController(SetUpInstallation setup, SessionSignIn sessions, UserStore users) {
    this.setup = setup;
    this.sessions = sessions;
    this.users = users;
  }

  @GetMapping("/setup")
  String form(Model model) {
    if (setup.isDone()) {
      return "redirect:/signin";
    }
    model.addAttribute("form", new SetUpInstallation.Form("", "", "", "", "brand", ZoneId.systemDefault().getId(), "en"));
    model.addAttribute("error", null);
    return "team/setup";
  }

  @PostMapping("/setup")
  String submit(@ModelAttribute SetUpInstallation.Form form, Model model, HttpServletRequest request, HttpServletResponse response) {
    try {
      var result = setup.setUp(form);
      sessions.signIn(request, response, result.userId(), users.findById(result.userId()).orElseThrow().email());
      return "redirect:/w/" + result.workspace().slug() + "/today";
    } catch (DomainException.Invalid e) {
      model.addAttribute("form", new SetUpInstallation.Form(form.name(), form.email(), "", form.workspaceName(), form.kind(),
          form.timeZone(), form.locale()));
      model.addAttribute("error", FormError.of(e));
      response.setStatus(400);
      return "team/setup";
    } catch (DomainException.Conflict e) {
      return "redirect:/signin";
    }
  }
}
