package org.socius.publishing.internal.web;

import jakarta.servlet.http.HttpServletResponse;
import org.socius.platform.DomainException;
import org.socius.platform.web.FormError;
import org.socius.platform.web.PageController;
import org.socius.publishing.internal.PostLists;
import org.socius.publishing.internal.ReviewPost;
import org.socius.publishing.internal.Stage;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Publish → Approvals. Owners see every post that waits for them and approve it or send it back
 * with a note; editors see their own waiting and returned posts with the notes, to mend and resend.
 */
@PageController
class ApprovalsController {

  static final int LIMIT = 100;

  private final PostLists lists;
  private final ReviewPost review;
  private final PostCards cards;

  ApprovalsController(PostLists lists, ReviewPost review, PostCards cards) {
    this.lists = lists;
    this.review = review;
    this.cards = cards;
  }

  @GetMapping("/w/{slug}/publish/approvals")
  String approvals(Member member, Model model) {
    return render(member, model, null, null, null, "");
  }

  private String render(Member member, Model model, String errorPost, String errorForm, FormError error, String note) {
    boolean owner = member.isOwner();
    model.addAttribute("slug", member.workspaceSlug());
    model.addAttribute("owner", owner);
    model.addAttribute("canComment", member.role().atLeast(Role.EDITOR));
    model.addAttribute("waiting", cards.of(member, lists.inStage(member, Stage.PENDING, !owner, LIMIT), true));
    model.addAttribute("returned", cards.of(member, lists.inStage(member, Stage.RETURNED, !owner, LIMIT), true));
    model.addAttribute("errorPost", errorPost);
    model.addAttribute("errorForm", errorForm);
    model.addAttribute("error", error);
    model.addAttribute("note", note);
    return "publishing/approvals";
  }

  @PostMapping("/w/{slug}/publish/posts/{id}/approve")
  String approve(Member member, @PathVariable String id, RedirectAttributes redirect) {
    return QueueController.act(member, "/w/" + member.workspaceSlug() + "/publish/approvals", redirect, "post-approved",
        m -> review.approve(m, id));
  }

  @PostMapping("/w/{slug}/publish/posts/{id}/return")
  String sendBack(Member member, @PathVariable String id, @RequestParam(defaultValue = "") String note, Model model,
      RedirectAttributes redirect, HttpServletResponse response) {
    return noted(member, id, "return", note, model, redirect, response, "post-returned", () -> review.sendBack(member, id, note));
  }

  @PostMapping("/w/{slug}/publish/posts/{id}/comment")
  String comment(Member member, @PathVariable String id, @RequestParam(defaultValue = "") String note, Model model,
      RedirectAttributes redirect, HttpServletResponse response) {
    return noted(member, id, "comment", note, model, redirect, response, "comment-added", () -> review.comment(member, id, note));
  }

  private String noted(Member member, String id, String form, String note, Model model, RedirectAttributes redirect,
      HttpServletResponse response, String notice, Runnable action) {
    try {
      action.run();
      redirect.addFlashAttribute("notice", notice);
      return "redirect:/w/" + member.workspaceSlug() + "/publish/approvals";
    } catch (DomainException.Invalid e) {
      response.setStatus(400);
      return render(member, model, id, form, FormError.of(e), note);
    }
  }
}
