package org.socius.people.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.socius.platform.DomainException;

/**
 * People as CSV (RFC 4180, UTF-8, a header row naming the columns in any order and any case):
 * {@code name}, {@code accounts}, {@code website}, {@code tags}, {@code how_we_met},
 * {@code time_zone}, {@code cadence_days} and, when asked for, {@code notes}. {@code name} is the
 * one column a file must have; any unknown column refuses the file.
 *
 * <ul>
 *   <li>{@code accounts}: accounts separated by {@code |}, each {@code network:handle} and, after a
 *       space, its profile address: {@code mastodon:@ann@example.social https://example.social/@ann|bluesky:ann.bsky.social};
 *   <li>{@code tags}: separated by {@code |};
 *   <li>{@code notes}: the notes, separated by a line holding only {@code ---}.
 * </ul>
 */
final class CsvPeople {

  static final List<String> COLUMNS = List.of("name", "accounts", "website", "tags", "how_we_met", "time_zone", "cadence_days", "notes");
  static final String NOTE_BREAK = "\n---\n";

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

  private CsvPeople() {}

  static void write(List<PersonCard> people, boolean withNotes, Writer out) {
    try {
      CSVPrinter csv = new CSVPrinter(out, FORMAT);
      csv.printRecord(withNotes ? COLUMNS : COLUMNS.subList(0, COLUMNS.size() - 1));
      for (PersonCard p : people) {
        List<String> row = new ArrayList<>(List.of(p.name(), accounts(p.accounts()), p.website(), String.join("|", p.tags()),
            p.howWeMet(), p.timeZone(), p.cadenceDays() == null ? "" : p.cadenceDays()));
        if (withNotes) {
          row.add(String.join(NOTE_BREAK, p.notes()));
        }
        csv.printRecord(row);
      }
      csv.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rows of a CSV file, each with its line (the header is line 1); a bad header or broken CSV refuses the file. */
  static List<ImportPeople.Read> read(String text) {
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<ImportPeople.Read> read = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(t), FORMAT)) {
      var records = parser.iterator();
      if (!records.hasNext()) {
        throw new DomainException.Invalid("file", "problem.people-csv-header", "");
      }
      CSVRecord header = records.next();
      Map<String, Integer> columns = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        String name = header.get(i).strip().toLowerCase(Locale.ROOT);
        if (!COLUMNS.contains(name) || columns.put(name, i) != null) {
          throw new DomainException.Invalid("file", "problem.people-csv-header", header.get(i));
        }
      }
      if (!columns.containsKey("name")) {
        throw new DomainException.Invalid("file", "problem.people-csv-header", String.join(",", header.values()));
      }
      while (records.hasNext()) {
        CSVRecord r = records.next();
        int line = (int) r.getRecordNumber();
        if (read.size() >= ImportPeople.MAX_ENTRIES) {
          throw new DomainException.Invalid("file", "problem.people-too-many", ImportPeople.MAX_ENTRIES);
        }
        if (r.size() != header.size()) {
          read.add(new ImportPeople.Read(line, new DomainException.Invalid("file", "problem.people-csv-columns", r.size(), header.size())));
          continue;
        }
        try {
          read.add(new ImportPeople.Read(line, card(r, columns)));
        } catch (DomainException.Invalid e) {
          read.add(new ImportPeople.Read(line, e));
        }
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw new DomainException.Invalid("file", "problem.people-csv-malformed");
    }
    return read;
  }

  private static PersonCard card(CSVRecord r, Map<String, Integer> columns) {
    List<PersonCard.Account> accounts = new ArrayList<>();
    for (String entry : split(get(r, columns, "accounts"), "\\|")) {
      int colon = entry.indexOf(':');
      if (colon <= 0) {
        throw new DomainException.Invalid("accounts", "problem.people-csv-account", entry);
      }
      String[] rest = entry.substring(colon + 1).strip().split("\\s+", 2);
      accounts.add(new PersonCard.Account(entry.substring(0, colon), rest[0], rest.length > 1 ? rest[1] : ""));
    }
    return new PersonCard(get(r, columns, "name"), accounts, get(r, columns, "website"), split(get(r, columns, "tags"), "\\|"),
        get(r, columns, "how_we_met"), get(r, columns, "time_zone"), get(r, columns, "cadence_days"),
        split(get(r, columns, "notes").replace("\r\n", "\n"), "\n---\n"));
  }

  private static String get(CSVRecord r, Map<String, Integer> columns, String name) {
    Integer i = columns.get(name);
    return i == null ? "" : r.get(i);
  }

  private static List<String> split(String value, String regex) {
    return value.isBlank() ? List.of() : Arrays.stream(value.split(regex)).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static String accounts(List<PersonCard.Account> accounts) {
    return String.join("|", accounts.stream()
        .map(a -> a.network() + ":" + a.handle() + (a.profileUrl().isEmpty() ? "" : " " + a.profileUrl())).toList());
  }
}
