package org.socius.publishing.internal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.socius.platform.DomainException;
import org.socius.platform.web.FormError;
import org.socius.platform.web.PageController;
import org.socius.publishing.internal.ExportPosts;
import org.socius.publishing.internal.ImportPosts;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Publish → Import: many posts from one CSV file, each row taken or refused on its own, and the
 * report shown row by row. The same format comes out of Export, so a plan can be edited and put back.
 */
@PageController
class ImportController {

  private final ImportPosts importer;
  private final ExportPosts exporter;
  private final PublishPages pages;

  ImportController(ImportPosts importer, ExportPosts exporter, PublishPages pages) {
    this.importer = importer;
    this.exporter = exporter;
    this.pages = pages;
  }

  @GetMapping("/w/{slug}/publish/import")
  String form(Member member, Model model) {
    return render(member, model, null, null);
  }

  @PostMapping("/w/{slug}/publish/import")
  String upload(Member member, @RequestParam(name = "file", required = false) MultipartFile file, Model model,
      HttpServletResponse response) throws IOException {
    member.require(Role.EDITOR);
    try {
      if (file == null || file.isEmpty()) {
        throw new DomainException.Invalid("file", "problem.csv-file-missing");
      }
      var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
      // bytes that are not UTF-8 stop the reading, and the file is refused as not valid CSV from that line
      try (Reader reader = new InputStreamReader(file.getInputStream(), decoder)) {
        return render(member, model, importer.run(member, reader, LocaleContextHolder.getLocale()), null);
      }
    } catch (DomainException.Invalid e) {
      response.setStatus(400);
      return render(member, model, null, FormError.of(e));
    }
  }

  /** The coming year's posts and the last 90 days', in the import format. */
  @GetMapping(value = "/w/{slug}/publish/export.csv", produces = "text/csv")
  void export(Member member, HttpServletResponse response) throws IOException {
    Instant now = pages.now();
    response.setContentType("text/csv; charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"" + member.workspaceSlug() + "-posts.csv\"");
    Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    exporter.write(member, now.minus(Duration.ofDays(90)), now.plus(Duration.ofDays(366)), out);
    out.flush();
  }

  private static String render(Member member, Model model, ImportPosts.Report report, FormError error) {
    model.addAttribute("slug", member.workspaceSlug());
    model.addAttribute("report", report);
    model.addAttribute("error", error);
    return "publishing/import";
  }
}
