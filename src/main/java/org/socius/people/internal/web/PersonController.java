package org.socius.people.internal.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.socius.people.Identity;
import org.socius.people.Person;
import org.socius.people.internal.InteractionStore;
import org.socius.people.internal.KeepInTouch;
import org.socius.people.internal.NoteStore;
import org.socius.people.internal.PeopleDirectory;
import org.socius.platform.DomainException;
import org.socius.platform.web.PageController;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A person's page: accounts and bios, strength and its reasons, notes, tags, details and the timeline. */
@PageController
class PersonController {

  static final int TIMELINE = 200;

  private final PeopleDirectory directory;
  private final NoteStore notes;
  private final InteractionStore interactions;
  private final PeopleViews views;
  private final MessageSource messages;

  PersonController(PeopleDirectory directory, NoteStore notes, InteractionStore interactions, PeopleViews views,
      MessageSource messages) {
    this.directory = directory;
    this.notes = notes;
    this.interactions = interactions;
    this.views = views;
    this.messages = messages;
  }

  @GetMapping("/w/{slug}/people/{personId}")
  String person(Member member, @PathVariable String personId, Model model) {
    Person p = directory.find(member.workspaceId(), personId).orElseThrow(() -> new DomainException.NotFound("problem.no-person"));
    ZoneId zone = views.zone(member);
    Map<String, Identity> byId = p.identities().stream().collect(Collectors.toMap(Identity::id, Function.identity()));
    List<PersonPage.Account> accounts = p.identities().stream().map(i -> new PersonPage.Account(i.network().code(), i.handle(),
        i.displayName(), i.bioText(), i.links().stream().map(PeopleViews::safeUrl).filter(u -> !u.isEmpty()).toList(),
        PeopleViews.when(zone, i.bioChangedAt()), PeopleViews.iso(zone, i.bioChangedAt()),
        PeopleViews.safeUrl(i.profileUrl()), PeopleViews.when(zone, i.firstSeenAt()), i.addedByHand())).toList();
    List<PersonPage.Note> noteLines = notes.of(member.workspaceId(), p.id()).stream().map(n -> new PersonPage.Note(n.id(), n.body(),
        views.memberName(member, n.memberId()), PeopleViews.when(zone, n.createdAt()), PeopleViews.iso(zone, n.createdAt()))).toList();
    List<PersonPage.Line> timeline = interactions.timeline(member.workspaceId(), p.id(), TIMELINE).stream().map(i -> {
      Identity account = i.identityId() == null ? null : byId.get(i.identityId());
      String who = i.memberId() != null ? views.memberName(member, i.memberId()) : account == null ? "" : account.handle();
      return new PersonPage.Line(i.id(), i.direction().code(), i.kind().code(), who, i.text(), PeopleViews.safeUrl(i.url()),
          PeopleViews.when(zone, i.occurredAt()), PeopleViews.iso(zone, i.occurredAt()),
          i.kind() == org.socius.people.internal.Interaction.Kind.MANUAL);
    }).toList();
    model.addAttribute("slug", member.workspaceSlug());
    model.addAttribute("page", new PersonPage(p, accounts, directory.strengths(member.workspaceId(), List.of(p)).get(p.id()),
        due(p, zone), noteLines, timeline, member.role().atLeast(Role.EDITOR)));
    return "people/person";
  }

  /** "Due on …" or "Overdue by n days", or "" without a cadence. */
  private String due(Person p, ZoneId zone) {
    Instant now = directory.now();
    Instant due = KeepInTouch.dueAt(p.cadenceDays(), p.lastInteractionAt(), p.createdAt());
    if (due == null) {
      return "";
    }
    Locale locale = LocaleContextHolder.getLocale();
    long overdue = KeepInTouch.daysOverdue(p.cadenceDays(), p.lastInteractionAt(), p.createdAt(), now);
    return due.isAfter(now) ? messages.getMessage("people.due-on", new Object[] {PeopleViews.when(zone, due)}, locale)
        : messages.getMessage("people.overdue", new Object[] {overdue}, locale);
  }
}
