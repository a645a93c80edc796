package org.socius.feeds.internal.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import org.socius.feeds.internal.SharePage;
import org.socius.platform.web.PageController;
import org.socius.team.Member;
import org.socius.team.Role;
import org.socius.team.Workspace;
import org.socius.team.Workspaces;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Share from anywhere: the bookmarklet and the installed app's share target (GET, as the manifest
 * says) land on a page that shows what will be shared; making the draft is a POST, so a link
 * alone never writes anything. The share target has no workspace in its address, so it goes to
 * the workspace chosen on the share page's menu or else whose share page the member last opened
 * (a cookie holding only its slug), else the member's first.
 */
@PageController
class ShareController {

  static final String COOKIE = "socius_share_workspace";
  private static final int MAX_FIELD = 4000;

  private final SharePage share;
  private final Workspaces workspaces;
  private final String publicUrl;

  ShareController(SharePage share, Workspaces workspaces, @Value("${socius.public-url:}") String publicUrl) {
    this.share = share;
    this.workspaces = workspaces;
    this.publicUrl = publicUrl;
  }

  @GetMapping("/w/{slug}/share")
  String page(Member member, @RequestParam(defaultValue = "") String url, @RequestParam(defaultValue = "") String title,
      @RequestParam(defaultValue = "") String text, HttpServletRequest request, HttpServletResponse response, Model model) {
    Cookie c = new Cookie(COOKIE, member.workspaceSlug());
    c.setSecure(request.isSecure());
    c.setPath("/share");
    c.setHttpOnly(true);
    c.setMaxAge(60 * 60 * 24 * 365);
    c.setAttribute("SameSite", "Lax");
    response.addCookie(c);
    List<SharePageView.Choice> choices = workspaces.ofUser(member.userId()).stream()
        .map(w -> new SharePageView.Choice(w.slug(), w.name())).toList();
    model.addAttribute("page", new SharePageView(member.workspaceSlug(), bookmarklet(member.workspaceSlug()), cap(url), cap(title),
        cap(text), member.role().atLeast(Role.EDITOR), choices));
    return "feeds/share";
  }

  @PostMapping("/w/{slug}/share")
  String share(Member member, @RequestParam(defaultValue = "") String url, @RequestParam(defaultValue = "") String title,
      @RequestParam(defaultValue = "") String text) {
    var shared = share.share(member, cap(url), cap(title), cap(text));
    return "redirect:/w/" + member.workspaceSlug() + "/publish/posts/" + shared.draftId() + "/edit";
  }

  /**
   * The manifest's share target, and the share page's workspace menu: on to the share page of the
   * chosen workspace, else the last used, else the member's first, with the handed-over page.
   * Only workspaces the member belongs to are taken (the principal's name is the user id).
   */
  @GetMapping("/share")
  String target(@RequestParam(defaultValue = "") String url, @RequestParam(defaultValue = "") String title,
      @RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "") String workspace, HttpServletRequest request,
      Principal principal) {
    List<String> mine = principal == null ? List.of() : workspaces.ofUser(principal.getName()).stream().map(Workspace::slug).toList();
    String last = null;
    if (request.getCookies() != null) {
      for (Cookie c : request.getCookies()) {
        if (COOKIE.equals(c.getName())) {
          last = c.getValue();
        }
      }
    }
    String slug = mine.contains(workspace) ? workspace : mine.contains(last) ? last : mine.isEmpty() ? null : mine.get(0);
    if (slug == null) {
      return "redirect:/";
    }
    return "redirect:/w/" + slug + "/share?url=" + enc(cap(url)) + "&title=" + enc(cap(title)) + "&text=" + enc(cap(text));
  }

  private String bookmarklet(String slug) {
    String base = publicUrl.isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
        : publicUrl.replaceAll("/+$", "");
    String target = base + "/w/" + slug + "/share";
    if (!target.matches("https?://[A-Za-z0-9.:\\[\\]-]+(/[A-Za-z0-9._~-]+)*/share")) {
      throw new IllegalStateException("Unexpected address for the bookmarklet: " + target);
    }
    return "javascript:(function(){var e=encodeURIComponent;window.open('" + target.replace("'", "%27")
        + "?url='+e(location.href)+'&title='+e(document.title)+'&text='+e(String(window.getSelection()).slice(0,1000)),"
        + "'_blank','noopener');})();";
  }

  private static String cap(String s) {
    return s.length() > MAX_FIELD ? s.substring(0, MAX_FIELD) : s;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
