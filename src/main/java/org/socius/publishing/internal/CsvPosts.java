package org.socius.publishing.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.socius.platform.DomainException;
import org.socius.publishing.PostKind;

/**
 * The bulk scheduling file: many posts prepared in a spreadsheet and imported at once, and the
 * same format for export, so an export can be edited and imported again. The format is described
 * for users in {@code docs/csv-import.md}:
 *
 * <ul>
 *   <li>UTF-8 (a byte order mark is tolerated), comma-separated, quoted as in RFC 4180, so a text
 *       may contain commas, quotes and line breaks; blank lines are skipped;
 *   <li>a header row naming the columns, in any order and any case: {@code channels} and {@code
 *       text} are required, {@code at}, {@code kind} and {@code thread} optional; {@code state} and
 *       {@code url}, written by the export, are ignored; any other name refuses the whole file;
 *   <li>{@code channels}: one or more channel handles or ids separated by {@code |};
 *   <li>{@code at}: empty or {@code queue} for the next free slot, a date-time with offset ({@code
 *       2026-12-01T08:15:00+01:00}, {@code …Z}) or a local one ({@code 2026-12-01 08:15}) in the
 *       workspace's zone, where a time in a daylight-saving gap moves forward like a posting slot;
 *   <li>{@code kind}: {@code share} or {@code own}, empty to let Socius suggest one;
 *   <li>{@code thread}: {@code yes}/{@code true} to split a long text into a thread.
 * </ul>
 *
 * <p>A row's {@code line} is its record number with the header as line 1; it differs from the
 * line in a text editor only after texts with line breaks. A bad row is refused with its reasons
 * and the good rows still come through; whether a time is past or a channel exists is the
 * caller's check.
 */
public final class CsvPosts {

  public static final int MAX_ROWS = 10_000;

  private static final Set<String> REQUIRED = Set.of("channels", "text");
  private static final Set<String> KNOWN = Set.of("channels", "at", "text", "kind", "thread", "state", "url");
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

  private CsvPosts() {}

  /** One post to schedule; {@code at} null means the next free slot, {@code kind} null suggests one. */
  public record Row(int line, List<String> channels, Instant at, String text, PostKind kind, boolean thread) {}

  /** Why a row was not taken: a message key and its arguments. */
  public record Refusal(int line, String key, List<Object> args) {}

  public record Parsed(List<Row> rows, List<Refusal> refusals) {}

  /** One scheduled or sent post of one channel, as written by {@link #write}. */
  public record ExportRow(
      String channel, Instant at, ZoneId zone, String text, PostKind kind, String state, String url) {}

  /** Reads the whole file and closes it; a header or CSV problem refuses the file as a whole. */
  public static Parsed parse(Reader in, ZoneId zone) {
    List<Row> rows = new ArrayList<>();
    List<Refusal> refusals = new ArrayList<>();
    int line = 0;
    try (CSVParser parser = FORMAT.parse(withoutByteOrderMark(in))) {
      Iterator<CSVRecord> records = parser.iterator();
      String[] header = records.hasNext() ? records.next().values() : new String[0];
      Map<String, Integer> columns = columns(header);
      line = 1;
      int taken = 0;
      while (records.hasNext()) {
        CSVRecord record = records.next();
        line = (int) record.getRecordNumber();
        if (record.stream().allMatch(String::isBlank)) {
          continue;
        }
        if (++taken > MAX_ROWS) {
          throw new DomainException.Invalid("file", "problem.csv-too-many-rows", MAX_ROWS);
        }
        if (record.size() != header.length) {
          refusals.add(new Refusal(line, "problem.csv-columns", List.of(record.size(), header.length)));
          continue;
        }
        read(line, name -> columns.containsKey(name) ? record.get(columns.get(name)) : "", zone, rows, refusals);
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw new DomainException.Invalid("file", "problem.csv-malformed", line + 1);
    }
    return new Parsed(List.copyOf(rows), List.copyOf(refusals));
  }

  /** Writes the rows in the import format, plus the export-only columns state and url. */
  public static void write(Writer out, List<ExportRow> rows) throws IOException {
    CSVPrinter printer = FORMAT.print(out);
    printer.printRecord("channels", "at", "text", "kind", "state", "url");
    for (ExportRow row : rows) {
      printer.printRecord(
          row.channel(),
          row.at() == null ? "" : row.at().atZone(row.zone()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
          row.text(),
          row.kind() == null ? "" : row.kind().code(),
          row.state() == null ? "" : row.state(),
          row.url() == null ? "" : row.url());
    }
    printer.flush();
  }

  /** Column positions by lower-case name; refuses the file for unknown, doubled or missing names. */
  private static Map<String, Integer> columns(String[] header) {
    Map<String, Integer> columns = new LinkedHashMap<>();
    Set<String> wrong = new LinkedHashSet<>();
    for (int i = 0; i < header.length; i++) {
      String name = header[i].strip().toLowerCase(Locale.ROOT);
      if (!KNOWN.contains(name) || columns.putIfAbsent(name, i) != null) {
        wrong.add(name.isEmpty() ? "\"\"" : header[i].strip());
      }
    }
    REQUIRED.stream().sorted().filter(name -> !columns.containsKey(name)).forEach(wrong::add);
    if (!wrong.isEmpty()) {
      throw new DomainException.Invalid("file", "problem.csv-header", String.join(", ", wrong));
    }
    return columns;
  }

  private static Reader withoutByteOrderMark(Reader in) throws IOException {
    BufferedReader reader = new BufferedReader(in);
    reader.mark(1);
    if (reader.read() != '\uFEFF') {
      reader.reset();
    }
    return reader;
  }

  /** Adds the row, or a refusal for each of its bad values. */
  private static void read(
      int line, UnaryOperator<String> value, ZoneId zone, List<Row> rows, List<Refusal> refusals) {
    int before = refusals.size();
    Set<String> channels = new LinkedHashSet<>();
    for (String channel : value.apply("channels").split("\\|")) {
      if (!channel.isBlank()) {
        channels.add(channel.strip());
      }
    }
    if (channels.isEmpty() || channels.stream().anyMatch(channel -> channel.matches(".*\\s.*"))) {
      refusals.add(new Refusal(line, "problem.csv-channels", List.of()));
    }
    Instant at = null;
    try {
      at = instant(value.apply("at"), zone);
    } catch (DateTimeException e) {
      refusals.add(new Refusal(line, "problem.csv-date", List.of(value.apply("at").strip())));
    }
    String text = value.apply("text").replace("\r\n", "\n").strip();
    if (text.isEmpty()) {
      refusals.add(new Refusal(line, "problem.post-empty", List.of()));
    }
    PostKind kind = null;
    if (!value.apply("kind").isBlank()) {
      try {
        kind = PostKind.parse("kind", value.apply("kind"));
      } catch (DomainException.Invalid e) {
        refusals.add(new Refusal(line, "problem.csv-kind", List.of(value.apply("kind").strip())));
      }
    }
    Boolean thread = yesOrNo(value.apply("thread"));
    if (thread == null) {
      refusals.add(new Refusal(line, "problem.csv-thread", List.of(value.apply("thread").strip())));
    }
    if (refusals.size() == before) {
      rows.add(new Row(line, List.copyOf(channels), at, text, kind, thread));
    }
  }

  /** The instant of an {@code at} value; null for the queue. */
  private static Instant instant(String value, ZoneId zone) {
    String text = value.strip();
    if (text.isEmpty() || text.equalsIgnoreCase("queue")) {
      return null;
    }
    text = text.replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) +", "$1T");
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeException e) {
      // no offset: the workspace's wall clock
      return ZonedDateTime.of(LocalDateTime.parse(text), zone).toInstant();
    }
  }

  private static Boolean yesOrNo(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "", "no", "false" -> false;
      case "yes", "true" -> true;
      default -> null;
    };
  }
}
