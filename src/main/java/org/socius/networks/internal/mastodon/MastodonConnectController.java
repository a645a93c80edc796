package org.socius.networks.internal.mastodon;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.LinkedHashMap;
import org.socius.platform.DomainException;
import org.socius.platform.web.PageController;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Settings → Channels → Mastodon (owners): the form posts the server's address, and either a
 * pasted access token (connected at once) or nothing (the OAuth flow). The flow's state and PKCE
 * verifier stay in the HTTP session, which lives in the database, so the callback may reach any
 * node.
 *
 * <p>The way to the server's consent page is a page of Socius that sends the browser on (a
 * {@code Refresh} header and a link) rather than a redirect answering the form: Socius' pages
 * allow forms to post only to Socius ({@code form-action 'self'}), and Chromium applies that to
 * every redirect that follows a form post, so a redirect to another site would be blocked.
 */
@PageController
class MastodonConnectController {

  static final String PENDING = "socius.mastodon.pending";
  static final String CALLBACK = "/oauth/mastodon/callback";
  private static final String FINISHING = MastodonConnectController.class.getName() + ".finishing";
  private static final int MAX_PENDING = 5;

  private final ConnectMastodon connect;
  private final Clock clock;

  MastodonConnectController(ConnectMastodon connect, Clock clock) {
    this.connect = connect;
    this.clock = clock;
  }

  @PostMapping("/w/{slug}/settings/channels/mastodon")
  String submit(Member member, @RequestParam(defaultValue = "") String instance, @RequestParam(defaultValue = "") String accessToken,
      HttpServletRequest request, RedirectAttributes redirect) {
    member.require(Role.OWNER);
    if (!accessToken.isBlank()) {
      connect.withToken(member, instance, accessToken);
      redirect.addFlashAttribute("notice", "channel-connected");
      return "redirect:/w/" + member.workspaceSlug() + "/settings/channels";
    }
    String redirectUri = ServletUriComponentsBuilder.fromCurrentContextPath().path(CALLBACK).toUriString();
    PendingAuthorization pending = connect.start(member, instance, redirectUri);
    remember(request.getSession(), pending);
    return "redirect:/w/" + member.workspaceSlug() + "/settings/channels/mastodon/authorize?state=" + pending.state();
  }

  /** The page that sends the browser on to the server's consent page. */
  @GetMapping("/w/{slug}/settings/channels/mastodon/authorize")
  String authorize(Member member, @RequestParam(defaultValue = "") String state, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    member.require(Role.OWNER);
    PendingAuthorization pending = pending(request.getSession(false)).get(state);
    if (pending == null || !pending.workspaceId().equals(member.workspaceId())) {
      throw new DomainException.Invalid("state", "problem.mastodon-state");
    }
    response.setHeader("Refresh", "0; url=" + pending.authorizeUrl());
    response.setHeader("Cache-Control", "no-store");
    model.addAttribute("url", pending.authorizeUrl());
    model.addAttribute("host", InstanceUrl.host(pending.instance()));
    model.addAttribute("back", "/w/" + member.workspaceSlug() + "/settings/channels");
    return "networks/mastodon-authorize";
  }

  /** Where the server sends the person back: {@code code} and {@code state}, or {@code error} when they declined. */
  @GetMapping(CALLBACK)
  String callback(@RequestParam(required = false) String code, @RequestParam(defaultValue = "") String state,
      @RequestParam(required = false) String error, HttpServletRequest request, RedirectAttributes redirect) {
    HttpSession session = request.getSession(false);
    LinkedHashMap<String, PendingAuthorization> all = pending(session);
    PendingAuthorization pending = all.remove(state);
    if (pending == null) {
      throw new DomainException.Invalid("state", "problem.mastodon-state");
    }
    session.setAttribute(PENDING, all); // used once
    if (error != null || code == null || code.isBlank()) {
      redirect.addFlashAttribute("notice", "mastodon-declined");
      return "redirect:/w/" + pending.workspaceSlug() + "/settings/channels";
    }
    // on to a path of the workspace, where the signed-in person is resolved as its member
    request.setAttribute(FINISHING, pending);
    return "forward:/w/" + pending.workspaceSlug() + "/settings/channels/mastodon/finish";
  }

  /** Reached only by the forward from {@link #callback}, which put the pending authorisation on the request. */
  @GetMapping("/w/{slug}/settings/channels/mastodon/finish")
  String finish(Member member, @RequestParam(defaultValue = "") String code, HttpServletRequest request, RedirectAttributes redirect) {
    if (!(request.getAttribute(FINISHING) instanceof PendingAuthorization pending)) {
      throw new DomainException.NotFound("problem.mastodon-state");
    }
    connect.finish(member, pending, code);
    redirect.addFlashAttribute("notice", "channel-connected");
    return "redirect:/w/" + member.workspaceSlug() + "/settings/channels";
  }

  private void remember(HttpSession session, PendingAuthorization pending) {
    LinkedHashMap<String, PendingAuthorization> all = pending(session);
    all.values().removeIf(p -> clock.millis() - p.startedAt() > ConnectMastodon.PENDING_FOR.toMillis());
    while (all.size() >= MAX_PENDING) {
      all.remove(all.keySet().iterator().next());
    }
    all.put(pending.state(), pending);
    session.setAttribute(PENDING, all); // set again, so that the session store saves the change
  }

  @SuppressWarnings("unchecked")
  private static LinkedHashMap<String, PendingAuthorization> pending(HttpSession session) {
    Object value = session == null ? null : session.getAttribute(PENDING);
    return value instanceof LinkedHashMap<?, ?> map ? new LinkedHashMap<>((LinkedHashMap<String, PendingAuthorization>) map)
        : new LinkedHashMap<>();
  }
}
