package org.socius.inbox.internal.live;

import java.util.List;
import java.util.Set;
import org.socius.platform.DomainException;
import org.socius.platform.web.Choices;
import org.socius.platform.web.FormError;
import org.socius.platform.web.PageController;
import org.socius.team.Member;
import org.socius.team.Workspace;
import org.socius.team.Workspaces;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The member's notification settings page: on screen, per kind, quiet hours, and the daily digest. */
@PageController
class NotificationsController {

  private final NotificationSettingsStore store;
  private final ChangeNotificationSettings change;
  private final Workspaces workspaces;
  private final MessageSource messages;
  private final boolean mailConfigured;

  NotificationsController(NotificationSettingsStore store, ChangeNotificationSettings change, Workspaces workspaces,
      MessageSource messages, @Value("${spring.mail.host:}") String mailHost) {
    this.store = store;
    this.change = change;
    this.workspaces = workspaces;
    this.messages = messages;
    this.mailConfigured = !mailHost.isBlank();
  }

  @GetMapping("/w/{slug}/notifications")
  String page(Member member, Model model) {
    return show(member, SettingsForm.of(store.of(member.workspaceId(), member.memberId())), null, model);
  }

  @PostMapping("/w/{slug}/notifications")
  String save(Member member, @RequestParam(defaultValue = "false") boolean onScreen,
      @RequestParam(required = false) Set<String> kinds, @RequestParam(defaultValue = "") String quietFrom,
      @RequestParam(defaultValue = "") String quietTo, @RequestParam(defaultValue = "") String timeZone,
      @RequestParam(defaultValue = "false") boolean digest, @RequestParam(defaultValue = "") String digestHour,
      Model model, RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) {
    SettingsForm form = new SettingsForm(onScreen, kinds == null ? Set.of() : kinds, quietFrom, quietTo, timeZone, digest, digestHour);
    try {
      change.change(member, form);
    } catch (DomainException.Invalid e) {
      response.setStatus(422);
      String text = messages.getMessage("notifications.problem." + e.field(), null, LocaleContextHolder.getLocale());
      return show(member, form, new FormError(e.field(), text), model);
    }
    redirect.addFlashAttribute("notice", "notifications-saved");
    return "redirect:/w/" + member.workspaceSlug() + "/notifications";
  }

  private String show(Member member, SettingsForm form, FormError error, Model model) {
    model.addAttribute("slug", member.workspaceSlug());
    model.addAttribute("form", form);
    model.addAttribute("error", error);
    model.addAttribute("kinds", List.of(NotificationKind.values()).stream().map(NotificationKind::code).toList());
    model.addAttribute("workspaceZone", workspaces.find(member.workspaceId()).map(Workspace::timeZone).map(Object::toString).orElse("UTC"));
    model.addAttribute("zones", Choices.timeZones());
    model.addAttribute("mailConfigured", mailConfigured);
    return "notifications/settings";
  }
}
