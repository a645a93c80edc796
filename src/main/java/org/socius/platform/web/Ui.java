package org.socius.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * What every page template needs besides its own data: messages in the reader's language, the
 * CSRF token for forms, the theme, and the shell (navigation, workspace switcher) when signed in.
 * Built per request by the shell advice; templates declare {@code @param Ui ui}.
 */
public final class Ui {

  /** The sections of the shell, in navigation order; each capability fills its own. */
  public static final List<String> SECTIONS =
      List.of("today", "inbox", "people", "publish", "feeds", "tribes", "automation", "insights", "settings");

  /** The signed-in part of the page: who, where, and which section is open. */
  public record Shell(String userName, String workspaceSlug, String workspaceName, String role, List<WorkspaceLink> workspaces,
      String section) {
    public boolean owner() {
      return "owner".equals(role);
    }

    public String href(String sectionName) {
      return "/w/" + workspaceSlug + "/" + sectionName;
    }
  }

  public record WorkspaceLink(String slug, String name) {}

  private final MessageSource messages;
  private final Locale locale;
  private final String csrfParameter;
  private final String csrfToken;
  private final String theme;
  private final Shell shell;
  private final boolean signedIn;
  private final Map<String, String> flash;

  public Ui(MessageSource messages, Locale locale, String csrfParameter, String csrfToken, String theme, Shell shell,
      boolean signedIn, Map<String, String> flash) {
    this.messages = messages;
    this.locale = locale;
    this.csrfParameter = csrfParameter;
    this.csrfToken = csrfToken;
    this.theme = theme;
    this.shell = shell;
    this.signedIn = signedIn;
    this.flash = flash;
  }

  /** A page model without the shell, for pages seen before sign-in and error pages. */
  public static Ui bare(MessageSource messages, jakarta.servlet.http.HttpServletRequest request) {
    Object token = request.getAttribute("_csrf");
    String parameter = "_csrf";
    String value = "";
    if (token instanceof org.springframework.security.web.csrf.CsrfToken csrf) {
      parameter = csrf.getParameterName();
      value = csrf.getToken();
    }
    return new Ui(messages, org.springframework.context.i18n.LocaleContextHolder.getLocale(), parameter, value, "system", null,
        request.getUserPrincipal() != null, Map.of());
  }

  /** The message for a key in the reader's language; a missing key is an error, not a blank. */
  public String t(String key, Object... args) {
    return messages.getMessage(key, args, locale);
  }

  public String lang() {
    return locale.toLanguageTag();
  }

  public String csrfParameter() {
    return csrfParameter;
  }

  public String csrfToken() {
    return csrfToken;
  }

  public String theme() {
    return theme;
  }

  public Shell shell() {
    return shell;
  }

  public boolean signedIn() {
    return signedIn;
  }

  /** A one-time notice from the previous request (after a redirect), or null. */
  public String flash(String name) {
    return flash == null ? null : flash.get(name);
  }
}
