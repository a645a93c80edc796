package org.socius.networks.internal.web;

import jakarta.servlet.http.HttpServletResponse;
import org.socius.networks.internal.ChannelRegistry;
import org.socius.networks.internal.EventStore;
import org.socius.networks.internal.bluesky.ConnectBluesky;
import org.socius.platform.DomainException;
import org.socius.platform.web.FormError;
import org.socius.platform.web.PageController;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings → Channels (owners): connected accounts, their state, connect and disconnect. */
@PageController
class ChannelsController {

  private final ChannelRegistry registry;
  private final ConnectBluesky connectBluesky;
  private final EventStore events;

  ChannelsController(ChannelRegistry registry, ConnectBluesky connectBluesky, EventStore events) {
    this.registry = registry;
    this.connectBluesky = connectBluesky;
    this.events = events;
  }

  @GetMapping("/w/{slug}/settings/channels")
  String list(Member member, Model model) {
    return render(member, model, null, "");
  }

  private String render(Member member, Model model, FormError error, String identifier) {
    member.require(Role.OWNER);
    var channels = registry.of(member.workspaceId()).stream()
        .map(c -> new ChannelView(c, events.followerCount(c.id()))).toList();
    model.addAttribute("slug", member.workspaceSlug());
    model.addAttribute("channels", channels);
    model.addAttribute("importing", channels.stream().anyMatch(ChannelView::importing));
    model.addAttribute("error", error);
    model.addAttribute("identifier", identifier);
    return "networks/channels";
  }

  @PostMapping("/w/{slug}/settings/channels/bluesky")
  String connectBluesky(Member member, @RequestParam(defaultValue = "") String identifier,
      @RequestParam(defaultValue = "") String appPassword, Model model, RedirectAttributes redirect, HttpServletResponse response) {
    try {
      connectBluesky.connect(member, identifier, appPassword);
      redirect.addFlashAttribute("notice", "channel-connected");
      return "redirect:/w/" + member.workspaceSlug() + "/settings/channels";
    } catch (DomainException.Invalid e) {
      response.setStatus(400);
      return render(member, model, FormError.of(e), identifier);
    }
  }

  @PostMapping("/w/{slug}/settings/channels/{id}/disconnect")
  String disconnect(Member member, @PathVariable String id, RedirectAttributes redirect) {
    registry.disconnect(member, id);
    redirect.addFlashAttribute("notice", "channel-disconnected");
    return "redirect:/w/" + member.workspaceSlug() + "/settings/channels";
  }

  @PostMapping("/w/{slug}/settings/channels/{id}/sync")
  String sync(Member member, @PathVariable String id, RedirectAttributes redirect) {
    member.require(Role.OWNER);
    registry.syncNow(member, id);
    redirect.addFlashAttribute("notice", "channel-syncing");
    return "redirect:/w/" + member.workspaceSlug() + "/settings/channels";
  }
}
