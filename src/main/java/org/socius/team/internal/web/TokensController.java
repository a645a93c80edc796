package org.socius.team.internal.web;

import jakarta.servlet.http.HttpServletResponse;
import org.socius.platform.DomainException;
import org.socius.platform.web.FormError;
import org.socius.platform.web.PageController;
import org.socius.team.Member;
import org.socius.team.internal.ApiTokenStore;
import org.socius.team.internal.CreateApiToken;
import org.socius.team.internal.RevokeApiToken;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A member's personal API tokens for this workspace: create (shown once), list, revoke. */
@PageController
class TokensController {

  private final ApiTokenStore tokens;
  private final CreateApiToken create;
  private final RevokeApiToken revoke;

  TokensController(ApiTokenStore tokens, CreateApiToken create, RevokeApiToken revoke) {
    this.tokens = tokens;
    this.create = create;
    this.revoke = revoke;
  }

  @GetMapping("/w/{slug}/settings/tokens")
  String list(Member member, Model model) {
    return render(member, model, null, null);
  }

  private String render(Member member, Model model, String secret, FormError error) {
    model.addAttribute("me", member);
    model.addAttribute("tokens", tokens.forMember(member.workspaceId(), member.userId()));
    model.addAttribute("secret", secret);
    model.addAttribute("error", error);
    return "team/tokens";
  }

  @PostMapping("/w/{slug}/settings/tokens")
  String create(Member member, @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String role,
      @RequestParam(defaultValue = "false") boolean personalMessages, Model model, HttpServletResponse response) {
    try {
      return render(member, model, create.create(member, name, role, personalMessages).secret(), null);
    } catch (DomainException.Invalid e) {
      response.setStatus(400);
      return render(member, model, null, FormError.of(e));
    }
  }

  @PostMapping("/w/{slug}/settings/tokens/{id}/revoke")
  String revoke(Member member, @PathVariable String id, RedirectAttributes redirect) {
    revoke.revoke(member, id);
    redirect.addFlashAttribute("notice", "token-revoked");
    return "redirect:/w/" + member.workspaceSlug() + "/settings/tokens";
  }
}
