package org.socius.team.internal.web;

import java.util.List;
import org.socius.platform.DomainException;
import org.socius.platform.web.PageController;
import org.socius.team.MemberProfile;
import org.socius.team.Workspace;
import org.socius.team.internal.ChangeAvatar;
import org.socius.team.internal.MemberStore;
import org.socius.team.internal.WorkspaceStore;
import org.socius.team.internal.security.SessionSignIn;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * "Who is behind this account": for a workspace that turned it on, the members who chose to be
 * shown, with name, role and bio (and avatar), as HTML and as JSON. Nothing else is shown.
 */
@PageController
class PublicPageController {

  private final WorkspaceStore workspaces;
  private final MemberStore members;
  private final ChangeAvatar avatars;

  PublicPageController(WorkspaceStore workspaces, MemberStore members, ChangeAvatar avatars) {
    this.workspaces = workspaces;
    this.members = members;
    this.avatars = avatars;
  }

  private Workspace publicWorkspace(String slug) {
    return workspaces.findBySlug(slug).filter(Workspace::publicPage)
        .orElseThrow(() -> new DomainException.NotFound("problem.no-public-page"));
  }

  private PublicPageView page(Workspace workspace) {
    List<PublicPageView.Person> people = members.shownPublicly(workspace.id()).stream()
        .map(p -> new PublicPageView.Person(p.displayName(), p.role().code(), p.bio(), p.hasAvatar() ? "/avatars/" + p.memberId() : null))
        .toList();
    return new PublicPageView(workspace.name(), workspace.kind().name().toLowerCase(java.util.Locale.ROOT), people);
  }

  @GetMapping("/p/{slug}")
  String html(@PathVariable String slug, Model model) {
    model.addAttribute("page", page(publicWorkspace(slug)));
    model.addAttribute("slug", slug);
    return "team/public-page";
  }

  @GetMapping(value = "/p/{slug}.json", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  ResponseEntity<PublicPageView> json(@PathVariable String slug) {
    return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(page(publicWorkspace(slug)));
  }

  /** An avatar is visible on a public page where its member is shown, and to members of the workspace. */
  @GetMapping("/avatars/{memberId}")
  ResponseEntity<byte[]> avatar(@PathVariable String memberId) {
    var avatar = avatars.find(memberId).orElseThrow(() -> new DomainException.NotFound("problem.no-avatar"));
    MemberProfile owner = members.profileForPublicCheck(memberId).orElseThrow(() -> new DomainException.NotFound("problem.no-avatar"));
    boolean shown = owner.showPublicly() && workspaces.findById(owner.workspaceId()).map(Workspace::publicPage).orElse(false);
    String viewer = SessionSignIn.currentUserId();
    boolean member = viewer != null && members.memberById(owner.workspaceId(), viewer).isPresent();
    if (!shown && !member) {
      throw new DomainException.NotFound("problem.no-avatar");
    }
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(avatar.contentType()))
        .cacheControl(CacheControl.noCache()).header("X-Content-Type-Options", "nosniff").body(avatar.bytes());
  }
}
