package org.socius.publishing.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.socius.platform.DomainException;
import org.socius.platform.web.FormError;
import org.socius.platform.web.PageController;
import org.socius.publishing.internal.ComposePost;
import org.socius.publishing.internal.DeliveryState;
import org.socius.publishing.internal.DeliveryView;
import org.socius.publishing.internal.EditPost;
import org.socius.publishing.internal.MovePost;
import org.socius.publishing.internal.PostForm;
import org.socius.publishing.internal.PostLists;
import org.socius.publishing.internal.PostView;
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
 * Publish → Compose and Edit. A refused post comes back with everything typed (chosen files
 * excepted: a browser cannot be handed them again) and the reason beside its field.
 *
 * <p>Filling an empty slot from the queue: "Add to queue" queues the post as usual and then moves
 * it on that channel into the chosen slot, so it keeps a place in the queue; when the slot was
 * taken meanwhile (or the post waits for approval) it stays where the queue put it.
 */
@PageController
class ComposeController {

  private final Composer composer;
  private final PublishPages pages;
  private final ComposePost compose;
  private final EditPost edit;
  private final MovePost move;
  private final PostLists lists;

  ComposeController(Composer composer, PublishPages pages, ComposePost compose, EditPost edit, MovePost move, PostLists lists) {
    this.composer = composer;
    this.pages = pages;
    this.compose = compose;
    this.edit = edit;
    this.move = move;
    this.lists = lists;
  }

  @GetMapping("/w/{slug}/publish/compose")
  String form(Member member, @RequestParam(required = false) String channel, @RequestParam(required = false) String slot,
      Model model) {
    member.require(Role.EDITOR);
    Instant at = null;
    if (slot != null && !slot.isBlank()) {
      try {
        at = Instant.parse(slot.strip());
      } catch (DateTimeParseException e) {
        throw new DomainException.Invalid("slot", "problem.time");
      }
    }
    return render(member, model, composer.blank(member, channel, at), null);
  }

  @PostMapping("/w/{slug}/publish/compose")
  String create(Member member, HttpServletRequest request, Model model, RedirectAttributes redirect,
      HttpServletResponse response) {
    member.require(Role.EDITOR);
    ComposerInput in = ComposerInput.of(request);
    try {
      PostView post = compose.compose(member, in.form(pages.times(member), null, in.newImages()));
      if (in.action() == PostForm.Action.QUEUE && !in.slot().isBlank()) {
        intoSlot(member, post, in, redirect);
      }
      return done(member, post, in.action(), redirect);
    } catch (DomainException.Invalid e) {
      response.setStatus(400);
      return render(member, model, composer.again(member, in, null), FormError.of(e));
    }
  }

  @GetMapping("/w/{slug}/publish/posts/{id}/edit")
  String editForm(Member member, @PathVariable String id, Model model) {
    member.require(Role.EDITOR);
    return render(member, model, composer.of(member, editable(member, id)), null);
  }

  @PostMapping("/w/{slug}/publish/posts/{id}/edit")
  String change(Member member, @PathVariable String id, HttpServletRequest request, Model model, RedirectAttributes redirect,
      HttpServletResponse response) {
    member.require(Role.EDITOR);
    PostView current = editable(member, id);
    ComposerInput in = ComposerInput.of(request);
    try {
      List<PostForm.Image> images = new ArrayList<>();
      for (PostView.ImageInfo image : current.images()) {
        if (!in.removed().contains(image.id())) {
          byte[] bytes = lists.image(member, image.id()).orElseThrow(() -> new DomainException.NotFound("problem.no-post"));
          images.add(new PostForm.Image(bytes, in.keptAlts().getOrDefault(image.id(), image.alt())));
        }
      }
      images.addAll(in.newImages());
      PostView post = edit.edit(member, id, in.form(pages.times(member), current.sourceUrl(), images));
      return done(member, post, in.action(), redirect);
    } catch (DomainException.Invalid e) {
      response.setStatus(400);
      return render(member, model, composer.again(member, in, current), FormError.of(e));
    }
  }

  private PostView editable(Member member, String id) {
    PostView post = lists.post(member, id).orElseThrow(() -> new DomainException.NotFound("problem.no-post"));
    if (!post.editable()) {
      throw new DomainException.Conflict("problem.post-sent");
    }
    return post;
  }

  private void intoSlot(Member member, PostView post, ComposerInput in, RedirectAttributes redirect) {
    Instant slot;
    try {
      slot = Instant.parse(in.slot().strip());
    } catch (DateTimeParseException e) {
      return;
    }
    for (DeliveryView d : post.deliveries()) {
      if (d.channelId().equals(in.slotChannel()) && d.state() == DeliveryState.SCHEDULED && d.inQueue() && !slot.equals(d.dueAt())) {
        try {
          move.toSlot(member, d.id(), slot);
        } catch (DomainException e) {
          redirect.addFlashAttribute("problem", e.messageIn(org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        }
      }
    }
  }

  private static String done(Member member, PostView post, PostForm.Action action, RedirectAttributes redirect) {
    String base = "/w/" + member.workspaceSlug() + "/publish";
    if (post.stage() == Stage.DRAFT) {
      redirect.addFlashAttribute("notice", "post-drafted");
      return "redirect:" + base + "/drafts";
    }
    if (post.stage() == Stage.PENDING) {
      redirect.addFlashAttribute("notice", "post-pending");
      return "redirect:" + base + "/approvals";
    }
    redirect.addFlashAttribute("notice", switch (action) {
      case NOW -> "post-sharing";
      case AT -> "post-scheduled";
      default -> "post-queued";
    });
    return "redirect:" + base;
  }

  private static String render(Member member, Model model, ComposerView view, FormError error) {
    model.addAttribute("slug", member.workspaceSlug());
    model.addAttribute("view", view);
    model.addAttribute("error", error);
    return "publishing/compose";
  }
}
