package org.socius.publishing.internal;

import java.util.List;
import org.socius.platform.DomainException;
import org.socius.publishing.Drafts;
import org.socius.publishing.PostKind;
import org.socius.team.Member;
import org.socius.team.Role;
import org.socius.team.Workspaces;
import org.springframework.stereotype.Service;

/**
 * Another capability (a feed item's Share, a tribe member's post) prepares a draft for a member;
 * the member finishes and schedules it in the composer. Nothing is published from here.
 */
@Service
class SaveDraft implements Drafts {

  private final ComposePost compose;
  private final Workspaces workspaces;

  SaveDraft(ComposePost compose, Workspaces workspaces) {
    this.compose = compose;
    this.workspaces = workspaces;
  }

  @Override
  public String draft(String workspaceId, String memberId, String text, String sourceUrl, PostKind kind) {
    var profile = workspaces.profile(workspaceId, memberId).orElseThrow(() -> new DomainException.NotFound("problem.no-member"));
    var workspace = workspaces.find(workspaceId).orElseThrow();
    Member member = new Member(memberId, workspaceId, workspace.slug(), workspace.name(), profile.userId(), profile.displayName(),
        profile.role(), null);
    member.require(Role.EDITOR);
    var form = new PostForm(List.of(), text, null, false, kind == null ? null : kind.code(), sourceUrl, PostForm.Action.DRAFT, null,
        List.of());
    return compose.compose(member, form).id();
  }
}
