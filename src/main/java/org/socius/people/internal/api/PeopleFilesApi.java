package org.socius.people.internal.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import org.socius.people.Person;
import org.socius.people.internal.AddAccount;
import org.socius.people.internal.AddPerson;
import org.socius.people.internal.ExportPeople;
import org.socius.people.internal.ImportPeople;
import org.socius.people.internal.PeopleDirectory;
import org.socius.people.internal.PersonCard;
import org.socius.platform.DomainException;
import org.socius.team.Member;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Adding people and accounts by hand, and people in and out as vCard 4.0 or CSV. */
@RestController
@Tag(name = "People")
@SecurityRequirement(name = "token")
class PeopleFilesApi {

  private static final String PEOPLE = "/api/v1/workspaces/{workspaceId}/people";
  static final String VCARD = "text/vcard";
  static final String CSV = "text/csv";

  /** A person added by hand. */
  record NewPerson(String displayName, List<AccountBody> accounts, String website, String howWeMet, String timeZone,
      Integer cadenceDays, List<String> tags, List<String> notes) {}

  /** @param network mastodon or bluesky; @param profileUrl optional: without it, the network's address for the handle */
  record AccountBody(String network, String handle, String profileUrl) {
    PersonCard.Account card() {
      return new PersonCard.Account(network, handle, profileUrl);
    }
  }

  private final AddPerson add;
  private final AddAccount addAccount;
  private final ImportPeople importer;
  private final ExportPeople exporter;
  private final PeopleDirectory directory;

  PeopleFilesApi(AddPerson add, AddAccount addAccount, ImportPeople importer, ExportPeople exporter, PeopleDirectory directory) {
    this.add = add;
    this.addAccount = addAccount;
    this.importer = importer;
    this.exporter = exporter;
    this.directory = directory;
  }

  @Operation(summary = "Add a person by hand, with any accounts known of them (kept as added by hand until the network reports them)")
  @PostMapping(PEOPLE)
  ResponseEntity<PeopleJson.PersonJson> add(Member member, @RequestBody NewPerson body) {
    List<PersonCard.Account> accounts = body.accounts() == null ? List.of() : body.accounts().stream().map(AccountBody::card).toList();
    Person p = add.add(member, new PersonCard(body.displayName(), accounts, body.website(), body.tags(), body.howWeMet(),
        body.timeZone(), body.cadenceDays() == null ? "" : body.cadenceDays().toString(), body.notes()));
    return ResponseEntity.status(HttpStatus.CREATED).body(json(member, p));
  }

  @Operation(summary = "Add an account to a person by hand; one another person has is refused (409): merge them instead")
  @PostMapping(PEOPLE + "/{personId}/accounts")
  PeopleJson.PersonJson addAccount(Member member, @PathVariable String personId, @RequestBody AccountBody body) {
    return json(member, addAccount.add(member, personId, body.card()));
  }

  @Operation(summary = "Import people from a vCard (text/vcard) or CSV (text/csv) file; answers a report per card or row. "
      + "Known people (by account, or exact name and website) are updated, not duplicated; a file that is not of its type is "
      + "refused whole (400) and changes nothing")
  @PostMapping(path = PEOPLE + "/import", consumes = {VCARD, "text/x-vcard", CSV})
  ImportPeople.Report importFile(Member member, HttpServletRequest request, Locale locale) throws IOException {
    MediaType type = MediaType.parseMediaType(request.getContentType());
    ImportPeople.Format format = type.getSubtype().toLowerCase(Locale.ROOT).contains("vcard") ? ImportPeople.Format.VCARD
        : ImportPeople.Format.CSV;
    return importer.run(member, format, ImportPeople.text(request.getInputStream()), locale);
  }

  @Operation(summary = "All people of the workspace as vCard 4.0 or CSV, importable again; notes only with notes=true")
  @GetMapping(PEOPLE + "/export")
  ResponseEntity<String> export(Member member,
      @Parameter(description = "vcard (default) or csv") @RequestParam(defaultValue = "vcard") String format,
      @RequestParam(defaultValue = "false") boolean notes) {
    ImportPeople.Format f = switch (format.toLowerCase(Locale.ROOT)) {
      case "vcard", "vcf" -> ImportPeople.Format.VCARD;
      case "csv" -> ImportPeople.Format.CSV;
      default -> throw new DomainException.Invalid("format", "problem.people-export-format");
    };
    StringWriter out = new StringWriter();
    exporter.write(member, f, notes, out);
    boolean vcard = f == ImportPeople.Format.VCARD;
    return ResponseEntity.ok().contentType(MediaType.parseMediaType((vcard ? VCARD : CSV) + "; charset=utf-8"))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"people." + (vcard ? "vcf" : "csv") + "\"")
        .body(out.toString());
  }

  private PeopleJson.PersonJson json(Member member, Person p) {
    return PeopleJson.PersonJson.of(p, directory.strengths(member.workspaceId(), List.of(p)).get(p.id()));
  }
}
