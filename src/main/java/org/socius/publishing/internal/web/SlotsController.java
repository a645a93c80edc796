package org.socius.publishing.internal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.socius.networks.Channel;
import org.socius.platform.DomainException;
import org.socius.platform.web.FormError;
import org.socius.platform.web.PageController;
import org.socius.publishing.internal.PostingSchedule;
import org.socius.publishing.internal.SetPostingSlots;
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
 * A channel's weekly posting slots: one field per weekday with its times ("08:15, 12:30"), read
 * in the workspace's zone. A time that cannot be read is named beside its day and nothing changes.
 */
@PageController
class SlotsController {

  private final SetPostingSlots slots;
  private final PublishPages pages;

  SlotsController(SetPostingSlots slots, PublishPages pages) {
    this.slots = slots;
    this.pages = pages;
  }

  @GetMapping("/w/{slug}/publish/channels/{channelId}/slots")
  String form(Member member, @PathVariable String channelId, Model model) {
    Channel channel = channel(member, channelId);
    Map<DayOfWeek, String> times = slots.of(member, channelId).stream().collect(Collectors.groupingBy(PostingSchedule.Slot::day,
        Collectors.mapping(s -> s.time().toString(), Collectors.joining(", "))));
    Map<String, String> values = new java.util.HashMap<>();
    times.forEach((day, text) -> values.put(code(day), text));
    return render(member, model, channel, values, null);
  }

  @PostMapping("/w/{slug}/publish/channels/{channelId}/slots")
  String save(Member member, @PathVariable String channelId, @RequestParam Map<String, String> form, Model model,
      RedirectAttributes redirect, HttpServletResponse response) {
    member.require(Role.EDITOR);
    Channel channel = channel(member, channelId);
    try {
      List<PostingSchedule.Slot> parsed = new ArrayList<>();
      for (DayOfWeek day : DayOfWeek.values()) {
        for (String time : form.getOrDefault(code(day), "").split("[,;\\s]+")) {
          if (!time.isBlank()) {
            parsed.add(slot(day, time));
          }
        }
      }
      slots.set(member, channelId, parsed);
      redirect.addFlashAttribute("notice", "slots-saved");
      return "redirect:/w/" + member.workspaceSlug() + "/publish/channels/" + channelId + "/slots";
    } catch (DomainException.Invalid e) {
      response.setStatus(400);
      return render(member, model, channel, form, FormError.of(e));
    }
  }

  private static PostingSchedule.Slot slot(DayOfWeek day, String time) {
    try {
      return PostingSchedule.Slot.parse(code(day) + " " + time.strip());
    } catch (DomainException.Invalid e) {
      throw new DomainException.Invalid(code(day), "problem.slot-time", time.strip());
    }
  }

  private Channel channel(Member member, String channelId) {
    Channel channel = pages.byId(member).get(channelId);
    if (channel == null) {
      throw new DomainException.NotFound("problem.no-channel");
    }
    return channel;
  }

  private String render(Member member, Model model, Channel channel, Map<String, String> values, FormError error) {
    Locale locale = LocaleContextHolder.getLocale();
    List<SlotDay> days = new ArrayList<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      days.add(new SlotDay(code(day), day.getDisplayName(TextStyle.FULL, locale), values.getOrDefault(code(day), "")));
    }
    model.addAttribute("slug", member.workspaceSlug());
    model.addAttribute("channel", channel);
    model.addAttribute("days", days);
    model.addAttribute("error", error);
    model.addAttribute("canEdit", member.role().atLeast(Role.EDITOR));
    model.addAttribute("zone", pages.times(member).zone().getId());
    return "publishing/slots";
  }

  private static String code(DayOfWeek day) {
    return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT);
  }
}
