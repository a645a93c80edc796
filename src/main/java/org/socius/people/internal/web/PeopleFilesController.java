package org.socius.people.internal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.socius.people.internal.AddPerson;
import org.socius.people.internal.ExportPeople;
import org.socius.people.internal.ImportPeople;
import org.socius.people.internal.PersonCard;
import org.socius.platform.DomainException;
import org.socius.platform.web.FormError;
import org.socius.platform.web.PageController;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * People → Add and import: a person added by hand, people from a vCard or CSV file with the
 * report entry by entry, and every person out again as vCard or CSV.
 */
@PageController
class PeopleFilesController {

  private final AddPerson add;
  private final ImportPeople importer;
  private final ExportPeople exporter;

  PeopleFilesController(AddPerson add, ImportPeople importer, ExportPeople exporter) {
    this.add = add;
    this.importer = importer;
    this.exporter = exporter;
  }

  @GetMapping("/w/{slug}/people/import")
  String page(Member member, Model model) {
    return render(member, model, null, null);
  }

  @PostMapping("/w/{slug}/people/add")
  String addPerson(Member member, @RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String network,
      @RequestParam(defaultValue = "") String handle, @RequestParam(defaultValue = "") String website, Model model,
      HttpServletResponse response) {
    member.require(Role.EDITOR);
    List<PersonCard.Account> accounts = handle.isBlank() ? List.of() : List.of(new PersonCard.Account(network, handle, ""));
    try {
      var p = add.add(member, new PersonCard(displayName, accounts, website, List.of(), "", "", "", List.of()));
      return "redirect:/w/" + member.workspaceSlug() + "/people/" + p.id();
    } catch (DomainException.Invalid e) {
      response.setStatus(400);
      return render(member, model, null, FormError.of(e));
    } catch (DomainException.Conflict e) {
      response.setStatus(409);
      return render(member, model, null, new FormError("handle", e.messageIn(LocaleContextHolder.getLocale())));
    }
  }

  @PostMapping("/w/{slug}/people/import")
  String upload(Member member, @RequestParam(name = "file", required = false) MultipartFile file, Model model,
      HttpServletResponse response) throws IOException {
    member.require(Role.EDITOR);
    try {
      if (file == null || file.isEmpty()) {
        throw new DomainException.Invalid("file", "problem.people-file-missing");
      }
      String text = ImportPeople.text(file.getInputStream());
      return render(member, model, importer.run(member, ImportPeople.Format.of(text), text, LocaleContextHolder.getLocale()), null);
    } catch (DomainException.Invalid e) {
      response.setStatus(400);
      return render(member, model, null, FormError.of(e));
    }
  }

  @GetMapping("/w/{slug}/people/export")
  void export(Member member, @RequestParam(defaultValue = "vcard") String format, @RequestParam(defaultValue = "") String notes,
      HttpServletResponse response) throws IOException {
    boolean csv = format.equals("csv");
    response.setContentType((csv ? "text/csv" : "text/vcard") + "; charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"" + member.workspaceSlug() + "-people." + (csv ? "csv" : "vcf") + "\"");
    java.io.StringWriter text = new java.io.StringWriter();
    exporter.write(member, csv ? ImportPeople.Format.CSV : ImportPeople.Format.VCARD, !notes.isEmpty(), text);
    Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    out.write(text.toString());
    out.flush();
  }

  private static String render(Member member, Model model, ImportPeople.Report report, FormError error) {
    model.addAttribute("slug", member.workspaceSlug());
    model.addAttribute("report", report);
    model.addAttribute("error", error);
    model.addAttribute("canEdit", member.role().atLeast(Role.EDITOR));
    return "people/import";
  }
}
