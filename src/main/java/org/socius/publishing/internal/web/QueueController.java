package org.socius.publishing.internal.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.socius.platform.DomainException;
import org.socius.platform.web.PageController;
import org.socius.publishing.internal.DeletePost;
import org.socius.publishing.internal.DeliveryState;
import org.socius.publishing.internal.DeliveryView;
import org.socius.publishing.internal.MovePost;
import org.socius.publishing.internal.PauseQueue;
import org.socius.publishing.internal.QueueOverview;
import org.socius.publishing.internal.ResumeQueue;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Publish → Queue, the section's start: what goes out next on each channel, the empty slots of
 * the coming week to fill, and the buttons that reorder, pause and delete. A button that cannot
 * do its work (the first post moved earlier) comes back to the page with the reason.
 */
@PageController
class QueueController {

  private final QueueOverview overview;
  private final PublishPages pages;
  private final MovePost move;
  private final DeletePost delete;
  private final PauseQueue pause;
  private final ResumeQueue resume;

  QueueController(QueueOverview overview, PublishPages pages, MovePost move, DeletePost delete, PauseQueue pause,
      ResumeQueue resume) {
    this.overview = overview;
    this.pages = pages;
    this.move = move;
    this.delete = delete;
    this.pause = pause;
    this.resume = resume;
  }

  @GetMapping("/w/{slug}/publish")
  String queue(Member member, @RequestParam(required = false) String channel, Model model) {
    String filter = channel == null || channel.isBlank() ? null : channel;
    if (filter != null && !pages.byId(member).containsKey(filter)) {
      throw new DomainException.NotFound("problem.no-channel");
    }
    Times times = pages.times(member);
    QueueOverview.Overview o = overview.of(member, filter);
    List<QueuePage.Block> blocks = new ArrayList<>();
    for (QueueOverview.ChannelQueue q : o.channels()) {
      blocks.add(new QueuePage.Block(q.channel(), q.paused(), q.hasSlots(), days(member, times, q)));
    }
    model.addAttribute("slug", member.workspaceSlug());
    model.addAttribute("page", new QueuePage(blocks, o.balance(), pages.live(member), filter, member.role().atLeast(Role.EDITOR)));
    return "publishing/queue";
  }

  private static List<QueuePage.Day> days(Member member, Times times, QueueOverview.ChannelQueue q) {
    List<QueueOverview.Line> movable = q.lines().stream()
        .filter(l -> l.delivery() != null && l.delivery().inQueue() && l.delivery().state() == DeliveryState.SCHEDULED).toList();
    Map<String, List<QueuePage.Line>> byDay = new LinkedHashMap<>();
    for (QueueOverview.Line l : q.lines()) {
      DeliveryView d = l.delivery();
      String fill = d != null ? null : "/w/" + member.workspaceSlug() + "/publish/compose?channel="
          + URLEncoder.encode(q.channel().id(), StandardCharsets.UTF_8) + "&slot=" + l.at();
      boolean first = !movable.isEmpty() && movable.get(0) == l;
      boolean last = !movable.isEmpty() && movable.get(movable.size() - 1) == l;
      byDay.computeIfAbsent(times.day(l.at()), k -> new ArrayList<>())
          .add(new QueuePage.Line(times.time(l.at()), times.iso(l.at()), d, d == null ? "" : Snippet.of(d.firstPart()), fill, first, last));
    }
    return byDay.entrySet().stream().map(e -> new QueuePage.Day(e.getKey(), e.getValue())).toList();
  }

  @PostMapping("/w/{slug}/publish/channels/{channelId}/pause")
  String pause(Member member, @PathVariable String channelId, @RequestParam(required = false) String back, RedirectAttributes redirect) {
    return act(member, back, redirect, "queue-paused", m -> pause.pause(m, channelId));
  }

  @PostMapping("/w/{slug}/publish/channels/{channelId}/resume")
  String resume(Member member, @PathVariable String channelId, @RequestParam(required = false) String back, RedirectAttributes redirect) {
    return act(member, back, redirect, "queue-resumed", m -> resume.resume(m, channelId));
  }

  @PostMapping("/w/{slug}/publish/deliveries/{id}/move")
  String move(Member member, @PathVariable String id, @RequestParam(defaultValue = "") String direction,
      @RequestParam(required = false) String back, RedirectAttributes redirect) {
    return act(member, back, redirect, "post-moved", m -> {
      if (!direction.equals("earlier") && !direction.equals("later")) {
        throw new DomainException.Invalid("direction", "problem.move");
      }
      move.step(m, id, direction.equals("earlier"));
    });
  }

  @PostMapping("/w/{slug}/publish/posts/{id}/delete")
  String delete(Member member, @PathVariable String id, @RequestParam(required = false) String back, RedirectAttributes redirect) {
    return act(member, back, redirect, "post-deleted", m -> delete.delete(m, id));
  }

  /**
   * Runs a button's action and goes back. A refusal (not allowed, not found) is an error page; a
   * reason the person can act on comes back to the page they were on.
   */
  static String act(Member member, String back, RedirectAttributes redirect, String notice, Consumer<Member> action) {
    member.require(Role.EDITOR);
    try {
      action.accept(member);
      redirect.addFlashAttribute("notice", notice);
    } catch (DomainException.Invalid | DomainException.Conflict e) {
      redirect.addFlashAttribute("problem", e.messageIn(LocaleContextHolder.getLocale()));
    }
    return "redirect:" + PublishPages.back(member, back);
  }
}
