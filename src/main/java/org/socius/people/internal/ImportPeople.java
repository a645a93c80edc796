package org.socius.people.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.socius.people.Person;
import org.socius.platform.DomainException;
import org.socius.platform.Ids;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * People from a vCard or CSV file (formats in {@link VcardPeople} and {@link CsvPeople}). A file
 * that is not of its format is refused whole and changes nothing. Each entry is then taken on
 * its own, in a transaction of its own: a refused entry (with its reason) changes nothing and
 * the others still come through. An entry whose account (network and handle, or profile address)
 * the workspace knows, or whose exact name and website a person has, updates that person:
 * the values it gives replace theirs, tags, accounts and notes are added to theirs. Otherwise it
 * becomes a new person, with its accounts added by hand.
 */
@Service
public class ImportPeople {

  public static final int MAX_ENTRIES = 10_000;

  /** Bytes a file may have. */
  public static final int MAX_BYTES = 16 * 1024 * 1024;

  public enum Format {
    VCARD,
    CSV;

    /** A vCard file starts with BEGIN:VCARD; anything else is taken for CSV (and refused if its header is not one). */
    public static Format of(String text) {
      String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
      return t.stripLeading().regionMatches(true, 0, "BEGIN:VCARD", 0, 11) ? VCARD : CSV;
    }
  }

  /** A file's text: UTF-8 (anything else is refused, not guessed) of at most {@link #MAX_BYTES}. */
  public static String text(java.io.InputStream in) throws java.io.IOException {
    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw new DomainException.Invalid("file", "problem.people-file-too-large", MAX_BYTES / (1024 * 1024));
    }
    try {
      return java.nio.charset.StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new DomainException.Invalid("file", "problem.people-not-utf8");
    }
  }

  /** One entry of a file as read: a card, or why it could not be read. */
  record Read(int line, PersonCard card, DomainException refusal) {
    Read(int line, PersonCard card) {
      this(line, card, null);
    }

    Read(int line, DomainException refusal) {
      this(line, null, refusal);
    }
  }

  /** @param line the card's number in a vCard file, the row's line in a CSV file (the header is line 1) */
  public record Entry(int line, String name, Outcome outcome, String personId, String reason) {}

  public enum Outcome {
    CREATED,
    UPDATED,
    REFUSED
  }

  public record Report(int created, int updated, int refused, List<Entry> entries) {}

  private final PersonStore people;
  private final NoteStore notes;
  private final AddPerson add;
  private final TransactionTemplate tx;
  private final java.time.Clock clock;

  ImportPeople(PersonStore people, NoteStore notes, AddPerson add, PlatformTransactionManager transactions, java.time.Clock clock) {
    this.people = people;
    this.notes = notes;
    this.add = add;
    this.tx = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  public Report run(Member member, Format format, String text, Locale locale) {
    member.require(Role.EDITOR);
    List<Read> read = format == Format.VCARD ? VcardPeople.read(text) : CsvPeople.read(text);
    List<Entry> entries = new ArrayList<>();
    for (Read r : read) {
      String name = r.card() == null ? "" : r.card().name();
      if (r.refusal() != null) {
        entries.add(new Entry(r.line(), name, Outcome.REFUSED, null, r.refusal().messageIn(locale)));
        continue;
      }
      try {
        entries.add(tx.execute(s -> take(member, r)));
      } catch (DomainException e) {
        entries.add(new Entry(r.line(), name, Outcome.REFUSED, null, e.messageIn(locale)));
      }
    }
    return new Report(count(entries, Outcome.CREATED), count(entries, Outcome.UPDATED), count(entries, Outcome.REFUSED), entries);
  }

  private Entry take(Member member, Read r) {
    PersonCard.Checked c = r.card().check();
    String ws = member.workspaceId();
    Optional<String> known = known(ws, c);
    if (known.isEmpty()) {
      return new Entry(r.line(), c.name(), Outcome.CREATED, add.create(member, c), null);
    }
    Person p = people.find(ws, known.get()).orElseThrow();
    boolean named = r.card().name() != null && !r.card().name().isBlank();
    String name = named ? c.name() : p.displayName();
    String website = c.website().isEmpty() ? p.website() : c.website();
    String met = c.howWeMet().isEmpty() ? p.howWeMet() : c.howWeMet();
    String zone = c.timeZone().isEmpty() ? p.timeZone() : c.timeZone();
    Integer cadence = c.cadenceDays() == null ? p.cadenceDays() : c.cadenceDays();
    long now = clock.millis();
    if (!(name.equals(p.displayName()) && website.equals(p.website()) && met.equals(p.howWeMet()) && zone.equals(p.timeZone())
        && java.util.Objects.equals(cadence, p.cadenceDays()))) {
      people.update(ws, p.id(), name, website, met, zone, cadence, now);
    }
    c.tags().forEach(t -> people.tag(ws, p.id(), t));
    for (Input.HandAccount a : c.accounts()) {
      if (people.ownerOfAccount(ws, a.network(), a.handle(), a.profileUrl()).isEmpty()) { // another person's stays theirs
        people.insertHandAccount(Ids.newId(), p.id(), ws, a.network(), a.handle(), a.profileUrl(), now);
      }
    }
    Set<String> had = new HashSet<>(notes.of(ws, p.id()).stream().map(NoteStore.Note::body).toList());
    for (String body : c.notes()) {
      if (had.add(body)) {
        notes.insert(ws, new NoteStore.Note(Ids.newId(), p.id(), member.memberId(), body, java.time.Instant.ofEpochMilli(now)));
      }
    }
    return new Entry(r.line(), name, Outcome.UPDATED, p.id(), null);
  }

  /** The person the entry is: by one of its accounts, else by exact name and website. */
  private Optional<String> known(String ws, PersonCard.Checked c) {
    for (Input.HandAccount a : c.accounts()) {
      Optional<String> owner = people.ownerOfAccount(ws, a.network(), a.handle(), a.profileUrl());
      if (owner.isPresent()) {
        return owner;
      }
    }
    return c.website().isEmpty() ? Optional.empty() : people.withNameAndWebsite(ws, c.name(), c.website());
  }

  private static int count(List<Entry> entries, Outcome outcome) {
    return (int) entries.stream().filter(e -> e.outcome() == outcome).count();
  }
}
