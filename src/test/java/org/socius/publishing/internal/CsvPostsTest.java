package org.socius.publishing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.socius.platform.DomainException;
import org.socius.publishing.PostKind;
import org.socius.publishing.internal.CsvPosts.ExportRow;
import org.socius.publishing.internal.CsvPosts.Parsed;
import org.socius.publishing.internal.CsvPosts.Refusal;
import org.socius.publishing.internal.CsvPosts.Row;

class CsvPostsTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  static Parsed parse(String csv) {
    return CsvPosts.parse(new StringReader(csv), BERLIN);
  }

  static Instant at(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  static String write(List<ExportRow> rows) {
    StringWriter out = new StringWriter();
    try {
      CsvPosts.write(out, rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  @Test
  void rowsAreReadWithTheirValues() {
    Parsed parsed = parse("""
        channels,at,text,kind,thread
        @news@example.social|news.bsky.social,2026-12-01T08:15:00+01:00,Hello,share,yes
        news.bsky.social,,Queued,,
        """);

    assertThat(parsed.refusals()).isEmpty();
    assertThat(parsed.rows()).containsExactly(
        new Row(2, List.of("@news@example.social", "news.bsky.social"), at("2026-12-01T08:15+01:00"), "Hello", PostKind.SHARE, true),
        new Row(3, List.of("news.bsky.social"), null, "Queued", null, false));
  }

  @Test
  void quotedTextsKeepCommasQuotesAndLineBreaks() {
    Parsed parsed = parse("channels,text\r\nnews,\"One, two\r\n\"\"three\"\"\nfour\"\r\nnews,next\r\n");

    assertThat(parsed.rows()).extracting(Row::text).containsExactly("One, two\n\"three\"\nfour", "next");
    assertThat(parsed.rows()).extracting(Row::line).as("records, not editor lines").containsExactly(2, 3);
  }

  @Test
  void aByteOrderMarkAndHeaderCaseAndOrderDoNotMatter() {
    Parsed parsed = parse("\uFEFFText, Channels ,THREAD\nHello,news,TRUE\n");

    assertThat(parsed.rows()).containsExactly(new Row(2, List.of("news"), null, "Hello", null, true));
  }

  @Test
  void timesAreReadWithAnOffsetOrOnTheWorkspacesClock() {
    Parsed parsed = parse("""
        channels,at,text
        news,2026-12-01T08:15:00Z,a
        news,2026-12-01T08:15+01:00,b
        news,2026-12-01 08:15,c
        news,2026-07-01T08:15,d
        news,queue,e
        news,QUEUE,f
        """);

    assertThat(parsed.rows()).extracting(Row::at).containsExactly(
        at("2026-12-01T08:15Z"), at("2026-12-01T08:15+01:00"), at("2026-12-01T08:15+01:00"),
        at("2026-07-01T08:15+02:00"), null, null);
  }

  @Test
  void localTimesOnDaysTheClocksChangeFollowTheSlotRules() {
    Parsed parsed = parse("channels,at,text\nnews,2026-03-29 02:30,gap\nnews,2026-10-25 02:30,overlap\n");

    assertThat(parsed.rows()).extracting(Row::at)
        .containsExactly(at("2026-03-29T03:30+02:00"), at("2026-10-25T02:30+02:00"));
  }

  @Test
  void eachBadValueIsRefusedWithItsLineWhileGoodRowsComeThrough() {
    Parsed parsed = parse("""
        channels,at,text,kind,thread
        news,tomorrow,a,,
        ,,b,,
        | ,,c,,
        news,,   ,,
        news,,d,mine,
        news,,e,,maybe
        news,,good,own,no
        news,soon,,,
        news,,too,many,values,here
        """);

    assertThat(parsed.rows()).extracting(Row::line, Row::text).containsExactly(tuple(8, "good"));
    assertThat(parsed.refusals()).containsExactly(
        new Refusal(2, "problem.csv-date", List.of("tomorrow")),
        new Refusal(3, "problem.csv-channels", List.of()),
        new Refusal(4, "problem.csv-channels", List.of()),
        new Refusal(5, "problem.post-empty", List.of()),
        new Refusal(6, "problem.csv-kind", List.of("mine")),
        new Refusal(7, "problem.csv-thread", List.of("maybe")),
        new Refusal(9, "problem.csv-date", List.of("soon")),
        new Refusal(9, "problem.post-empty", List.of()),
        new Refusal(10, "problem.csv-columns", List.of(6, 5)));
  }

  @Test
  void aChannelHandleWithASpaceIsRefused() {
    assertThat(parse("channels,text\n@news @other,a\n").refusals())
        .containsExactly(new Refusal(2, "problem.csv-channels", List.of()));
  }

  @Test
  void blankLinesAndEmptyRowsAreSkipped() {
    Parsed parsed = parse("channels,text\n\nnews,a\n,\n\r\nnews,b\n\n");

    assertThat(parsed.refusals()).isEmpty();
    assertThat(parsed.rows()).extracting(Row::line).containsExactly(2, 4);
  }

  @Test
  void aWrongHeaderRefusesTheWholeFile() {
    assertHeaderRefused("channels,text,colour\nnews,a,red\n", "colour");
    assertHeaderRefused("channels,at\nnews,\n", "text");
    assertHeaderRefused("text\na\n", "channels");
    assertHeaderRefused("channels,text,Text\nnews,a,b\n", "Text");
    assertHeaderRefused("channels,,text\nnews,,a\n", "\"\"");
    assertHeaderRefused("", "channels, text");
  }

  static void assertHeaderRefused(String csv, String named) {
    assertThatThrownBy(() -> parse(csv)).as(csv)
        .isInstanceOfSatisfying(DomainException.Invalid.class, e -> assertThat(e.field()).isEqualTo("file"))
        .hasMessageStartingWith("The first row must name")
        .hasMessageContaining("Check: " + named);
  }

  @Test
  void anUnclosedQuoteRefusesTheWholeFileNamingWhereItStarts() {
    assertThatThrownBy(() -> parse("channels,text\nnews,fine\nnews,\"never closed\nnews,more\n"))
        .isInstanceOfSatisfying(DomainException.Invalid.class, e -> assertThat(e.field()).isEqualTo("file"))
        .hasMessageContaining("line 3 ");
  }

  @Test
  void atMostTenThousandRowsAreTaken() {
    StringBuilder csv = new StringBuilder("channels,text\n");
    for (int i = 0; i < CsvPosts.MAX_ROWS; i++) {
      csv.append("news,post ").append(i).append('\n');
    }
    assertThat(parse(csv.toString()).rows()).hasSize(10_000);

    csv.append("news,one too many\n");
    assertThatThrownBy(() -> parse(csv.toString()))
        .isInstanceOf(DomainException.Invalid.class)
        .hasMessageContaining("at most 10000 posts");
  }

  @Test
  void theExportHasOneRowPerChannelWithTimesInTheWorkspacesZone() {
    String csv = write(List.of(
        new ExportRow("news.bsky.social", at("2026-12-01T07:15Z"), BERLIN, "Hello, \"you\"", PostKind.OWN, "scheduled", null),
        new ExportRow("@news@example.social", at("2026-07-01T06:15Z"), ZoneId.of("UTC"), "Sent", null, "sent", "https://example.social/@news/1")));

    assertThat(csv).isEqualTo(
        "channels,at,text,kind,state,url\r\n"
            + "news.bsky.social,2026-12-01T08:15:00+01:00,\"Hello, \"\"you\"\"\",own,scheduled,\r\n"
            + "@news@example.social,2026-07-01T06:15:00Z,Sent,,sent,https://example.social/@news/1\r\n");
  }

  @Test
  void anExportOfScheduledPostsImportsAgain() {
    String csv = write(List.of(
        new ExportRow("news.bsky.social", at("2026-12-01T07:15Z"), BERLIN, "Line one,\nline \"two\"", PostKind.SHARE, "scheduled", ""),
        new ExportRow("@news@example.social", at("2026-03-29T01:30Z"), BERLIN, "Änderung 🎉", null, "scheduled", null)));

    assertThat(parse(csv).refusals()).isEmpty();
    assertThat(parse(csv).rows()).containsExactly(
        new Row(2, List.of("news.bsky.social"), at("2026-12-01T07:15Z"), "Line one,\nline \"two\"", PostKind.SHARE, false),
        new Row(3, List.of("@news@example.social"), at("2026-03-29T01:30Z"), "Änderung 🎉", null, false));
  }

  @Test
  void theExampleInTheDocumentationImports() throws IOException {
    String doc = Files.readString(Path.of("docs/csv-import.md"));
    String example = doc.substring(doc.indexOf("```csv\n") + 7, doc.lastIndexOf("```"));

    Parsed parsed = parse(example);

    assertThat(parsed.refusals()).isEmpty();
    assertThat(parsed.rows()).extracting(Row::line, Row::kind, Row::thread).containsExactly(
        tuple(2, PostKind.OWN, false), tuple(3, PostKind.SHARE, false), tuple(4, null, true));
    assertThat(parsed.rows().get(0).channels()).containsExactly("@news@example.social", "news.bsky.social");
    assertThat(parsed.rows().get(0).at()).isEqualTo(at("2026-12-01T08:15+01:00"));
  }
}
