package org.socius.team.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.socius.platform.DomainException;
import org.socius.platform.web.FormError;
import org.socius.platform.web.PageController;
import org.socius.team.internal.ChangePassword;
import org.socius.team.internal.UpdateAccount;
import org.socius.team.internal.UserStore;
import org.socius.team.internal.security.SessionSignIn;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in person's account: name, theme, password. */
@PageController
class AccountController {

  private final UserStore users;
  private final UpdateAccount updateAccount;
  private final ChangePassword changePassword;

  AccountController(UserStore users, UpdateAccount updateAccount, ChangePassword changePassword) {
    this.users = users;
    this.updateAccount = updateAccount;
    this.changePassword = changePassword;
  }

  @GetMapping("/account")
  String account(Model model) {
    return render(model, null);
  }

  private String render(Model model, FormError error) {
    model.addAttribute("user", users.findById(SessionSignIn.currentUserId()).orElseThrow());
    model.addAttribute("error", error);
    return "team/account";
  }

  @PostMapping("/account")
  String save(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "system") String theme, Model model,
      RedirectAttributes redirect, HttpServletResponse response) {
    try {
      updateAccount.update(SessionSignIn.currentUserId(), name, theme);
      redirect.addFlashAttribute("notice", "saved");
      return "redirect:/account";
    } catch (DomainException.Invalid e) {
      response.setStatus(400);
      return render(model, FormError.of(e));
    }
  }

  @PostMapping("/account/password")
  String password(@RequestParam(name = "currentPassword", defaultValue = "") String current,
      @RequestParam(name = "newPassword", defaultValue = "") String next, Model model, RedirectAttributes redirect,
      HttpServletRequest request, HttpServletResponse response) {
    try {
      changePassword.change(SessionSignIn.currentUserId(), current, next, request.getSession().getId());
      redirect.addFlashAttribute("notice", "password-changed");
      return "redirect:/account";
    } catch (DomainException.Invalid e) {
      response.setStatus(400);
      return render(model, FormError.of(e));
    }
  }
}
