package org.socius.people.internal.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.socius.people.Person;
import org.socius.people.internal.DeletePerson;
import org.socius.people.internal.InteractionStore;
import org.socius.people.internal.NoteStore;
import org.socius.people.internal.PeopleDirectory;
import org.socius.platform.DomainException;
import org.socius.team.Member;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "People")
@SecurityRequirement(name = "token")
class PrivacyApi {

  /** Everything Socius holds about one person. */
  record Export(Instant exportedAt, PeopleJson.PersonJson person, List<PeopleJson.InteractionJson> interactions,
      List<PeopleJson.Note> notes) {}

  static final int ALL = 1_000_000;

  private final PeopleDirectory directory;
  private final InteractionStore interactions;
  private final NoteStore notes;
  private final DeletePerson delete;

  PrivacyApi(PeopleDirectory directory, InteractionStore interactions, NoteStore notes, DeletePerson delete) {
    this.directory = directory;
    this.interactions = interactions;
    this.notes = notes;
    this.delete = delete;
  }

  @Operation(summary = "Everything Socius holds about one person (accounts and bios, details, tags, every interaction, notes), as a file")
  @GetMapping("/api/v1/workspaces/{workspaceId}/people/{personId}/export")
  ResponseEntity<Export> export(Member member, @PathVariable String personId) {
    Person p = directory.find(member.workspaceId(), personId).orElseThrow(() -> new DomainException.NotFound("problem.no-person"));
    var body = new Export(directory.now(), PeopleJson.PersonJson.of(p, null),
        interactions.timeline(member.workspaceId(), personId, ALL).stream().map(PeopleJson.InteractionJson::of).toList(),
        notes.of(member.workspaceId(), personId).stream().map(PeopleJson.Note::of).toList());
    return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"person-" + personId + ".json\"")
        .body(body);
  }

  @Operation(summary = "Delete what Socius keeps about a person (owners); the networks' event log stays")
  @DeleteMapping("/api/v1/workspaces/{workspaceId}/people/{personId}")
  ResponseEntity<Void> delete(Member member, @PathVariable String personId) {
    delete.delete(member, personId);
    return ResponseEntity.noContent().build();
  }
}
