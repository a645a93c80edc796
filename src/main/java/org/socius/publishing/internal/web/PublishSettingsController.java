package org.socius.publishing.internal.web;

import jakarta.servlet.http.HttpServletResponse;
import org.socius.platform.DomainException;
import org.socius.platform.web.FormError;
import org.socius.platform.web.PageController;
import org.socius.publishing.internal.UpdatePublishingSettings;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Publish → Settings (owners): the workspace's publishing rules. */
@PageController
class PublishSettingsController {

  private final UpdatePublishingSettings settings;

  PublishSettingsController(UpdatePublishingSettings settings) {
    this.settings = settings;
  }

  @GetMapping("/w/{slug}/publish/settings")
  String form(Member member, Model model) {
    member.require(Role.OWNER);
    return render(member, model, PublishSettingsForm.of(settings.current(member)), null);
  }

  @PostMapping("/w/{slug}/publish/settings")
  String save(Member member, @RequestParam(required = false) String approvalRequired,
      @RequestParam(required = false) String altTextRequired, @RequestParam(required = false) String signatureOnBrand,
      @RequestParam(defaultValue = "") String ownLimitPercent, @RequestParam(defaultValue = "") String missedAfterMinutes,
      @RequestParam(defaultValue = "") String ownDomains, Model model, RedirectAttributes redirect, HttpServletResponse response) {
    member.require(Role.OWNER);
    // an unticked checkbox sends nothing: absent means "off" on this form
    var typed = new PublishSettingsForm("true".equals(approvalRequired), "true".equals(altTextRequired), "true".equals(signatureOnBrand),
        ownLimitPercent, missedAfterMinutes, ownDomains);
    try {
      if (ownDomains.length() > 2000) {
        throw new DomainException.Invalid("ownDomains", "problem.too-long", 2000);
      }
      settings.update(member, new UpdatePublishingSettings.Form(typed.approvalRequired(), typed.altTextRequired(),
          typed.signatureOnBrand(), number("ownLimitPercent", ownLimitPercent, "problem.percent"),
          number("missedAfterMinutes", missedAfterMinutes, "problem.missed-window"), ownDomains));
      redirect.addFlashAttribute("notice", "saved");
      return "redirect:/w/" + member.workspaceSlug() + "/publish/settings";
    } catch (DomainException.Invalid e) {
      response.setStatus(400);
      return render(member, model, typed, FormError.of(e));
    }
  }

  private static Integer number(String field, String text, String key) {
    try {
      return Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      throw new DomainException.Invalid(field, key, 7 * 24 * 60);
    }
  }

  private static String render(Member member, Model model, PublishSettingsForm form, FormError error) {
    model.addAttribute("slug", member.workspaceSlug());
    model.addAttribute("form", form);
    model.addAttribute("error", error);
    return "publishing/settings";
  }
}
