package org.socius.team.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.socius.platform.web.PageController;
import org.socius.platform.web.Ui;
import org.socius.team.internal.MemberStore;
import org.socius.team.internal.UserStore;
import org.socius.team.internal.WorkspaceStore;
import org.socius.team.internal.security.SignedInUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Gives every page template its {@link Ui}: messages, CSRF token, theme and the shell. */
@ControllerAdvice(annotations = PageController.class)
class ShellAdvice {

  private final MessageSource messages;
  private final UserStore users;
  private final WorkspaceStore workspaces;
  private final MemberStore members;

  ShellAdvice(MessageSource messages, UserStore users, WorkspaceStore workspaces, MemberStore members) {
    this.messages = messages;
    this.users = users;
    this.workspaces = workspaces;
    this.members = members;
  }

  @ModelAttribute("ui")
  Ui ui(HttpServletRequest request) {
    CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    Map<String, String> flash = new HashMap<>();
    var input = RequestContextUtils.getInputFlashMap(request);
    if (input != null) {
      input.forEach((k, v) -> flash.put(k, String.valueOf(v)));
    }
    var auth = SecurityContextHolder.getContext().getAuthentication();
    String theme = "system";
    Ui.Shell shell = null;
    boolean signedIn = false;
    if (auth != null && auth.getPrincipal() instanceof SignedInUser principal) {
      var user = users.findById(principal.userId());
      if (user.isPresent()) {
        signedIn = true;
        theme = user.get().theme();
        shell = shell(request, user.get());
      }
    }
    return new Ui(messages, LocaleContextHolder.getLocale(), csrf == null ? "_csrf" : csrf.getParameterName(),
        csrf == null ? "" : csrf.getToken(), theme, shell, signedIn, flash);
  }

  private Ui.Shell shell(HttpServletRequest request, UserStore.User user) {
    @SuppressWarnings("unchecked")
    Map<String, String> vars = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    String slug = vars == null ? null : vars.get("slug");
    List<Ui.WorkspaceLink> links = workspaces.forUser(user.id()).stream().map(w -> new Ui.WorkspaceLink(w.slug(), w.name())).toList();
    if (slug == null) {
      return new Ui.Shell(user.name(), null, null, null, links, null);
    }
    var member = members.memberBySlug(slug, user.id());
    if (member.isEmpty()) {
      return new Ui.Shell(user.name(), null, null, null, links, null);
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String rest = path.substring(Math.min(path.length(), ("/w/" + slug + "/").length()));
    String section = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
    return new Ui.Shell(user.name(), slug, member.get().workspaceName(), member.get().role().code(), links, section);
  }
}
