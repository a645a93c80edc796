package org.socius.publishing.internal.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.socius.networks.Channel;
import org.socius.platform.DomainException;
import org.socius.platform.web.PageController;
import org.socius.publishing.internal.DeliveryState;
import org.socius.publishing.internal.DeliveryView;
import org.socius.publishing.internal.PostLists;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Publish → Calendar: a week or a month of scheduled, published, failed and missed posts, days
 * counted in the workspace's zone, weeks starting on Monday as the posting slots do.
 */
@PageController
class CalendarController {

  private final PostLists lists;
  private final PublishPages pages;

  CalendarController(PostLists lists, PublishPages pages) {
    this.lists = lists;
    this.pages = pages;
  }

  @GetMapping("/w/{slug}/publish/calendar")
  String calendar(Member member, @RequestParam(defaultValue = "week") String view, @RequestParam(required = false) String date,
      @RequestParam(required = false) String channel, Model model) {
    boolean month = view.equals("month");
    if (!month && !view.equals("week")) {
      throw new DomainException.Invalid("view", "problem.calendar-view");
    }
    Times times = pages.times(member);
    LocalDate today = times.today(pages.now());
    LocalDate day = today;
    if (date != null && !date.isBlank()) {
      try {
        day = LocalDate.parse(date.strip());
      } catch (DateTimeParseException e) {
        throw new DomainException.Invalid("date", "problem.date");
      }
    }
    String filter = channel == null || channel.isBlank() ? null : channel;
    Map<String, Channel> channels = pages.byId(member);
    if (filter != null && !channels.containsKey(filter)) {
      throw new DomainException.NotFound("problem.no-channel");
    }
    LocalDate first = month ? day.withDayOfMonth(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
        : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate last = month ? day.with(TemporalAdjusters.lastDayOfMonth()).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY))
        : first.plusDays(6);
    Map<LocalDate, List<DeliveryView>> byDay = lists.calendar(member, filter, times.startOf(first), times.startOf(last.plusDays(1)))
        .stream().collect(Collectors.groupingBy(d -> times.date(d.dueAt())));
    boolean canEdit = member.role().atLeast(Role.EDITOR);
    List<List<CalendarPage.Cell>> weeks = new ArrayList<>();
    for (LocalDate start = first; !start.isAfter(last); start = start.plusWeeks(1)) {
      List<CalendarPage.Cell> cells = new ArrayList<>();
      for (LocalDate d = start; d.isBefore(start.plusWeeks(1)); d = d.plusDays(1)) {
        List<CalendarPage.Entry> entries = byDay.getOrDefault(d, List.of()).stream()
            .map(v -> entry(member, times, channels, v, canEdit)).toList();
        cells.add(new CalendarPage.Cell(times.day(d), month ? String.valueOf(d.getDayOfMonth())
            : d.format(DateTimeFormatter.ofPattern("EEE d", times.locale())), d.toString(), month && d.getMonth() != day.getMonth(),
            d.equals(today), entries));
      }
      weeks.add(cells);
    }
    String base = "/w/" + member.workspaceSlug() + "/publish/calendar?view=" + view
        + (filter == null ? "" : "&channel=" + filter) + "&date=";
    String title = month ? day.format(DateTimeFormatter.ofPattern("LLLL yyyy", times.locale()))
        : times.day(first) + " – " + times.day(last);
    List<String> weekdays = new ArrayList<>();
    for (DayOfWeek w : DayOfWeek.values()) {
      weekdays.add(w.getDisplayName(TextStyle.SHORT, times.locale()));
    }
    String here = "/w/" + member.workspaceSlug() + "/publish/calendar?date=" + day + (filter == null ? "" : "&channel=" + filter);
    model.addAttribute("slug", member.workspaceSlug());
    model.addAttribute("page", new CalendarPage(view, title, base + (month ? day.minusMonths(1) : day.minusWeeks(1)),
        base + (month ? day.plusMonths(1) : day.plusWeeks(1)), base + today, here + "&view=week", here + "&view=month",
        pages.live(member), filter, weekdays, weeks));
    return "publishing/calendar";
  }

  private static CalendarPage.Entry entry(Member member, Times times, Map<String, Channel> channels, DeliveryView d, boolean canEdit) {
    Channel c = channels.get(d.channelId());
    String edit = canEdit && d.state() == DeliveryState.SCHEDULED
        ? "/w/" + member.workspaceSlug() + "/publish/posts/" + d.postId() + "/edit" : null;
    return new CalendarPage.Entry(times.time(d.dueAt()), times.iso(d.dueAt()), c == null ? "" : c.handle(), d.state().code(),
        d.kind().code(), Snippet.of(d.firstPart()), d.state() == DeliveryState.PUBLISHED ? d.remoteUrl() : null, edit);
  }
}
