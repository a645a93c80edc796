package org.socius.people.internal.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.socius.people.Person;
import org.socius.people.Strength;
import org.socius.people.internal.AddNote;
import org.socius.people.internal.DeleteNote;
import org.socius.people.internal.InteractionStore;
import org.socius.people.internal.LogInteraction;
import org.socius.people.internal.NoteStore;
import org.socius.people.internal.PeopleDirectory;
import org.socius.people.internal.PersonStore;
import org.socius.people.internal.TagPerson;
import org.socius.people.internal.UnlogInteraction;
import org.socius.people.internal.UntagPerson;
import org.socius.people.internal.UpdatePerson;
import org.socius.platform.Cursor;
import org.socius.platform.DomainException;
import org.socius.team.Member;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "People")
@SecurityRequirement(name = "token")
class PeopleApi {

  private static final String PERSON = "/api/v1/workspaces/{workspaceId}/people/{personId}";

  private final PeopleDirectory directory;
  private final PersonStore people;
  private final NoteStore notes;
  private final InteractionStore interactions;
  private final UpdatePerson update;
  private final AddNote addNote;
  private final DeleteNote deleteNote;
  private final TagPerson tag;
  private final UntagPerson untag;
  private final LogInteraction log;
  private final UnlogInteraction unlog;

  PeopleApi(PeopleDirectory directory, PersonStore people, NoteStore notes, InteractionStore interactions, UpdatePerson update,
      AddNote addNote, DeleteNote deleteNote, TagPerson tag, UntagPerson untag, LogInteraction log, UnlogInteraction unlog) {
    this.directory = directory;
    this.people = people;
    this.notes = notes;
    this.interactions = interactions;
    this.update = update;
    this.addNote = addNote;
    this.deleteNote = deleteNote;
    this.tag = tag;
    this.untag = untag;
    this.log = log;
    this.unlog = unlog;
  }

  @Operation(summary = "People found by q (every word as the start of a word of their name, handles, bios, tags or notes), "
      + "best match first, or everyone most recently in touch first; with their strength")
  @GetMapping("/api/v1/workspaces/{workspaceId}/people")
  Cursor.Page<PeopleJson.PersonJson> list(Member member, @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer limit) {
    List<Person> found = people.search(member.workspaceId(), q, PersonStore.Order.RELEVANCE, Cursor.limit(limit));
    Map<String, Strength> strengths = directory.strengths(member.workspaceId(), found);
    return new Cursor.Page<>(found.stream().map(p -> PeopleJson.PersonJson.of(p, strengths.get(p.id()))).toList(), null);
  }

  @Operation(summary = "People past due for keeping in touch, most overdue first")
  @GetMapping("/api/v1/workspaces/{workspaceId}/people/reconnect")
  List<PeopleJson.PersonJson> reconnect(Member member, @RequestParam(required = false) Integer limit) {
    return people.reconnect(member.workspaceId(), directory.now().toEpochMilli(), Cursor.limit(limit)).stream()
        .map(p -> PeopleJson.PersonJson.of(p, null)).toList();
  }

  @Operation(summary = "How many people Socius knows, and the genuine relationships: a two-way conversation in the last 90 days")
  @GetMapping("/api/v1/workspaces/{workspaceId}/people/figures")
  PeopleJson.Figures figures(Member member) {
    return new PeopleJson.Figures(people.count(member.workspaceId()), directory.genuineRelationships(member.workspaceId()));
  }

  @Operation(summary = "One person with accounts, tags and the strength of the relationship with its reasons")
  @GetMapping(PERSON)
  PeopleJson.PersonJson get(Member member, @PathVariable String personId) {
    Person p = person(member, personId);
    return PeopleJson.PersonJson.of(p, directory.strengths(member.workspaceId(), List.of(p)).get(p.id()));
  }

  @Operation(summary = "Change name, website, how we met, time zone and keep-in-touch cadence (null: no reminder)")
  @PutMapping(PERSON)
  PeopleJson.PersonJson change(Member member, @PathVariable String personId, @RequestBody PeopleJson.Details body) {
    Person p = update.update(member, personId,
        new UpdatePerson.Details(body.displayName(), body.website(), body.howWeMet(), body.timeZone(), body.cadenceDays()));
    return PeopleJson.PersonJson.of(p, directory.strengths(member.workspaceId(), List.of(p)).get(p.id()));
  }

  @Operation(summary = "Notes about a person, newest first")
  @GetMapping(PERSON + "/notes")
  List<PeopleJson.Note> notes(Member member, @PathVariable String personId) {
    person(member, personId);
    return notes.of(member.workspaceId(), personId).stream().map(PeopleJson.Note::of).toList();
  }

  @Operation(summary = "Add a note (markdown) about a person")
  @PostMapping(PERSON + "/notes")
  ResponseEntity<PeopleJson.Note> addNote(Member member, @PathVariable String personId, @RequestBody PeopleJson.NoteBody body) {
    return ResponseEntity.status(HttpStatus.CREATED).body(PeopleJson.Note.of(addNote.add(member, personId, body.body())));
  }

  @Operation(summary = "Delete a note")
  @DeleteMapping(PERSON + "/notes/{noteId}")
  ResponseEntity<Void> deleteNote(Member member, @PathVariable String personId, @PathVariable String noteId) {
    deleteNote.delete(member, personId, noteId);
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Give a person a tag; answers the person's tags")
  @PostMapping(PERSON + "/tags")
  List<String> tag(Member member, @PathVariable String personId, @RequestBody PeopleJson.TagBody body) {
    tag.tag(member, personId, body.tag());
    return person(member, personId).tags();
  }

  @Operation(summary = "Take a tag off a person")
  @DeleteMapping(PERSON + "/tags/{tag}")
  ResponseEntity<Void> untag(Member member, @PathVariable String personId, @PathVariable String tag) {
    untag.untag(member, personId, tag);
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "The interaction timeline, newest first")
  @GetMapping(PERSON + "/interactions")
  List<PeopleJson.InteractionJson> interactions(Member member, @PathVariable String personId,
      @RequestParam(required = false) Integer limit) {
    person(member, personId);
    return interactions.timeline(member.workspaceId(), personId, Cursor.limit(limit)).stream()
        .map(PeopleJson.InteractionJson::of).toList();
  }

  @Operation(summary = "Log a contact away from the networks (\"met at the parish conference\"); it resets keeping in touch")
  @PostMapping(PERSON + "/interactions")
  ResponseEntity<PeopleJson.InteractionJson> log(Member member, @PathVariable String personId, @RequestBody PeopleJson.LogBody body) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(PeopleJson.InteractionJson.of(log.log(member, personId, body.text(), body.occurredAt())));
  }

  @Operation(summary = "Remove a contact logged by hand")
  @DeleteMapping(PERSON + "/interactions/{interactionId}")
  ResponseEntity<Void> unlog(Member member, @PathVariable String personId, @PathVariable String interactionId) {
    unlog.unlog(member, personId, interactionId);
    return ResponseEntity.noContent().build();
  }

  private Person person(Member member, String personId) {
    return directory.find(member.workspaceId(), personId).orElseThrow(() -> new DomainException.NotFound("problem.no-person"));
  }
}
