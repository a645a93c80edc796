package org.socius.people.internal.web;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.socius.people.Person;
import org.socius.people.Strength;
import org.socius.people.internal.Interaction;
import org.socius.people.internal.InteractionStore;
import org.socius.people.internal.KeepInTouch;
import org.socius.people.internal.PeopleDirectory;
import org.socius.people.internal.PersonStore;
import org.socius.platform.DomainException;
import org.socius.platform.web.PageController;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * People: search by name, handle, bio, tag or note (full text, best match first unless another
 * order is chosen); sort by recent contact, strength or name;
 * and the reconnect list of people past due for keeping in touch, most overdue first, each with
 * their latest post as something to answer.
 */
@PageController
class PeopleController {

  static final int SHOWN = 100;
  /** Sorting by strength ranks this many people, most recently in touch first. */
  static final int RANKED = 500;
  static final int RECONNECT = 20;

  private final PersonStore people;
  private final PeopleDirectory directory;
  private final InteractionStore interactions;
  private final PeopleViews views;

  PeopleController(PersonStore people, PeopleDirectory directory, InteractionStore interactions, PeopleViews views) {
    this.people = people;
    this.interactions = interactions;
    this.directory = directory;
    this.views = views;
  }

  @GetMapping("/w/{slug}/people")
  String list(Member member, @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String sort,
      Model model) {
    String ws = member.workspaceId();
    if (sort.isEmpty()) {
      sort = q.isBlank() ? "recent" : "relevance";
    }
    List<Person> found = switch (sort) {
      case "relevance" -> people.search(ws, q, PersonStore.Order.RELEVANCE, SHOWN + 1);
      case "recent" -> people.search(ws, q, PersonStore.Order.RECENT, SHOWN + 1);
      case "name" -> people.search(ws, q, PersonStore.Order.NAME, SHOWN + 1);
      case "strength" -> people.search(ws, q, PersonStore.Order.RECENT, RANKED);
      default -> throw new DomainException.Invalid("sort", "problem.people-sort");
    };
    Map<String, Strength> strengths = directory.strengths(ws, found);
    if (sort.equals("strength")) {
      found = found.stream().sorted(Comparator.comparingInt((Person p) -> -strengths.get(p.id()).score())).toList();
    }
    boolean limited = found.size() > SHOWN;
    ZoneId zone = views.zone(member);
    List<PeoplePage.Row> rows = found.stream().limit(SHOWN).map(p -> {
      Strength s = strengths.get(p.id());
      return new PeoplePage.Row(p.id(), p.displayName(), PeopleViews.accounts(p), String.join(", ", p.tags()), s.score(),
          s.trend().name().toLowerCase(java.util.Locale.ROOT), PeopleViews.when(zone, p.lastInteractionAt()),
          PeopleViews.iso(zone, p.lastInteractionAt()));
    }).toList();
    // the reconnect list and the workspace's figures head the list, not a search's results
    boolean searching = !q.isBlank();
    List<PeoplePage.Due> due = searching ? List.of() : people.reconnect(ws, directory.now().toEpochMilli(), RECONNECT).stream().map(p -> {
      var opener = interactions.latestFromThem(ws, p.id());
      return new PeoplePage.Due(p.id(), p.displayName(), PeopleViews.accounts(p),
          KeepInTouch.daysOverdue(p.cadenceDays(), p.lastInteractionAt(), p.createdAt(), directory.now()), p.cadenceDays(),
          PeopleViews.when(zone, p.lastInteractionAt()), PeopleViews.iso(zone, p.lastInteractionAt()),
          opener.map(Interaction::text).orElse(""), opener.map(i -> PeopleViews.safeUrl(i.url())).orElse(""));
    }).toList();
    model.addAttribute("slug", member.workspaceSlug());
    model.addAttribute("page", new PeoplePage(q, sort, rows, due, searching ? -1 : people.count(ws),
        searching ? -1 : directory.genuineRelationships(ws), limited,
        member.role().atLeast(Role.EDITOR)));
    return "people/list";
  }
}
