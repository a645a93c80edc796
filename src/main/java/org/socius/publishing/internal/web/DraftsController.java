package org.socius.publishing.internal.web;

import org.socius.platform.web.PageController;
import org.socius.publishing.internal.PostLists;
import org.socius.publishing.internal.Stage;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Publish → Drafts: the team's unfinished posts, including those other capabilities prepared. */
@PageController
class DraftsController {

  static final int LIMIT = 200;

  private final PostLists lists;
  private final PostCards cards;

  DraftsController(PostLists lists, PostCards cards) {
    this.lists = lists;
    this.cards = cards;
  }

  @GetMapping("/w/{slug}/publish/drafts")
  String drafts(Member member, Model model) {
    model.addAttribute("slug", member.workspaceSlug());
    model.addAttribute("drafts", cards.of(member, lists.inStage(member, Stage.DRAFT, false, LIMIT), false));
    model.addAttribute("canEdit", member.role().atLeast(Role.EDITOR));
    return "publishing/drafts";
  }
}
