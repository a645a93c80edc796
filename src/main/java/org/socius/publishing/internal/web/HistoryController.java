package org.socius.publishing.internal.web;

import java.time.Instant;
import java.util.Map;
import org.socius.networks.Channel;
import org.socius.platform.web.PageController;
import org.socius.publishing.internal.DeliveryState;
import org.socius.publishing.internal.DeliveryView;
import org.socius.publishing.internal.PostLists;
import org.socius.publishing.internal.RetryDelivery;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Publish → History: what went out, with links to it on the network, and what did not, with the
 * reason and the choice to try again now (under the same idempotency key) or drop it.
 */
@PageController
class HistoryController {

  static final int LIMIT = 100;

  private final PostLists lists;
  private final RetryDelivery retry;
  private final PublishPages pages;

  HistoryController(PostLists lists, RetryDelivery retry, PublishPages pages) {
    this.lists = lists;
    this.retry = retry;
    this.pages = pages;
  }

  @GetMapping("/w/{slug}/publish/history")
  String history(Member member, Model model) {
    Times times = pages.times(member);
    Map<String, Channel> channels = pages.byId(member);
    var published = lists.published(member, LIMIT).stream().map(d -> item(times, channels, d, d.publishedAt())).toList();
    var attention = lists.needingAttention(member, LIMIT).stream().map(d -> item(times, channels, d, d.dueAt())).toList();
    model.addAttribute("slug", member.workspaceSlug());
    model.addAttribute("page", new HistoryPage(published, attention, member.role().atLeast(Role.EDITOR)));
    return "publishing/history";
  }

  private static HistoryPage.Item item(Times times, Map<String, Channel> channels, DeliveryView d, Instant at) {
    Channel c = channels.get(d.channelId());
    Instant when = at == null ? d.dueAt() : at;
    return new HistoryPage.Item(d.id(), when == null ? "" : times.dateTime(when), when == null ? "" : times.iso(when),
        c == null ? "" : c.handle(), c == null ? "" : c.network().code(), d.state().code(), d.kind().code(), Snippet.of(d.firstPart()),
        d.remoteUrl(), d.error() == null ? "" : d.error(), d.state() == DeliveryState.FAILED || d.state() == DeliveryState.MISSED);
  }

  @PostMapping("/w/{slug}/publish/deliveries/{id}/retry")
  String retry(Member member, @PathVariable String id, RedirectAttributes redirect) {
    return QueueController.act(member, "/w/" + member.workspaceSlug() + "/publish/history", redirect, "delivery-retried",
        m -> retry.now(m, id));
  }

  @PostMapping("/w/{slug}/publish/deliveries/{id}/drop")
  String drop(Member member, @PathVariable String id, RedirectAttributes redirect) {
    return QueueController.act(member, "/w/" + member.workspaceSlug() + "/publish/history", redirect, "delivery-dropped",
        m -> retry.drop(m, id));
  }
}
