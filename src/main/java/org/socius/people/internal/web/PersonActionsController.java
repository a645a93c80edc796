package org.socius.people.internal.web;

import java.util.function.Consumer;
import org.socius.people.internal.AddAccount;
import org.socius.people.internal.AddNote;
import org.socius.people.internal.DeleteNote;
import org.socius.people.internal.LogInteraction;
import org.socius.people.internal.TagPerson;
import org.socius.people.internal.UnlogInteraction;
import org.socius.people.internal.UntagPerson;
import org.socius.people.internal.UpdatePerson;
import org.socius.platform.DomainException;
import org.socius.platform.web.PageController;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The forms of a person's page; each goes back to the page, with the reason when a field was refused. */
@PageController
class PersonActionsController {

  private final UpdatePerson update;
  private final AddNote addNote;
  private final DeleteNote deleteNote;
  private final TagPerson tag;
  private final UntagPerson untag;
  private final LogInteraction log;
  private final UnlogInteraction unlog;
  private final AddAccount addAccount;

  PersonActionsController(UpdatePerson update, AddNote addNote, DeleteNote deleteNote, TagPerson tag, UntagPerson untag,
      LogInteraction log, UnlogInteraction unlog, AddAccount addAccount) {
    this.addAccount = addAccount;
    this.update = update;
    this.addNote = addNote;
    this.deleteNote = deleteNote;
    this.tag = tag;
    this.untag = untag;
    this.log = log;
    this.unlog = unlog;
  }

  @PostMapping("/w/{slug}/people/{personId}")
  String details(Member member, @PathVariable String personId, @RequestParam(defaultValue = "") String displayName,
      @RequestParam(defaultValue = "") String website, @RequestParam(defaultValue = "") String howWeMet,
      @RequestParam(defaultValue = "") String timeZone, @RequestParam(defaultValue = "") String cadenceDays,
      RedirectAttributes redirect) {
    return act(member, personId, redirect, "saved", m -> update.update(m, personId,
        new UpdatePerson.Details(displayName, website, howWeMet, timeZone, days(cadenceDays))));
  }

  @PostMapping("/w/{slug}/people/{personId}/notes")
  String note(Member member, @PathVariable String personId, @RequestParam(defaultValue = "") String body, RedirectAttributes redirect) {
    return act(member, personId, redirect, "note-added", m -> addNote.add(m, personId, body));
  }

  @PostMapping("/w/{slug}/people/{personId}/notes/{noteId}/delete")
  String deleteNote(Member member, @PathVariable String personId, @PathVariable String noteId, RedirectAttributes redirect) {
    return act(member, personId, redirect, "note-deleted", m -> deleteNote.delete(m, personId, noteId));
  }

  @PostMapping("/w/{slug}/people/{personId}/tags")
  String tag(Member member, @PathVariable String personId, @RequestParam(defaultValue = "") String tag, RedirectAttributes redirect) {
    return act(member, personId, redirect, "saved", m -> this.tag.tag(m, personId, tag));
  }

  @PostMapping("/w/{slug}/people/{personId}/tags/remove")
  String untag(Member member, @PathVariable String personId, @RequestParam(defaultValue = "") String tag, RedirectAttributes redirect) {
    return act(member, personId, redirect, "saved", m -> untag.untag(m, personId, tag));
  }

  @PostMapping("/w/{slug}/people/{personId}/interactions")
  String log(Member member, @PathVariable String personId, @RequestParam(defaultValue = "") String text, RedirectAttributes redirect) {
    return act(member, personId, redirect, "interaction-logged", m -> log.log(m, personId, text, null));
  }

  @PostMapping("/w/{slug}/people/{personId}/interactions/{interactionId}/delete")
  String unlog(Member member, @PathVariable String personId, @PathVariable String interactionId, RedirectAttributes redirect) {
    return act(member, personId, redirect, "interaction-removed", m -> unlog.unlog(m, personId, interactionId));
  }

  @PostMapping("/w/{slug}/people/{personId}/accounts")
  String account(Member member, @PathVariable String personId, @RequestParam(defaultValue = "") String network,
      @RequestParam(defaultValue = "") String handle, @RequestParam(defaultValue = "") String profileUrl, RedirectAttributes redirect) {
    return act(member, personId, redirect, "saved",
        m -> addAccount.add(m, personId, new org.socius.people.internal.PersonCard.Account(network, handle, profileUrl)));
  }

  /** A refusal of the request itself (role, absent person) is an error page; a refused field comes back to the page. */
  private static String act(Member member, String personId, RedirectAttributes redirect, String notice, Consumer<Member> action) {
    member.require(Role.EDITOR);
    try {
      action.accept(member);
      redirect.addFlashAttribute("notice", notice);
    } catch (DomainException.Invalid | DomainException.Conflict e) {
      redirect.addFlashAttribute("problem", e.messageIn(LocaleContextHolder.getLocale()));
    }
    return "redirect:/w/" + member.workspaceSlug() + "/people/" + personId;
  }

  private static Integer days(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      throw new DomainException.Invalid("cadenceDays", "problem.cadence");
    }
  }
}
