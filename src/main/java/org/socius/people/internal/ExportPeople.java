package org.socius.people.internal;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.socius.people.Identity;
import org.socius.people.Person;
import org.socius.team.Member;
import org.springframework.stereotype.Service;

/**
 * All people of a workspace as vCard 4.0 or CSV, the formats {@link ImportPeople} reads, so an
 * export imported again (here or elsewhere) gives the same people. Notes only when asked for:
 * they are the team's own words about someone.
 */
@Service
public class ExportPeople {

  static final int BATCH = 500;

  private final PersonStore people;
  private final NoteStore notes;

  ExportPeople(PersonStore people, NoteStore notes) {
    this.people = people;
    this.notes = notes;
  }

  /**
   * Any member may export what they can read. Reads in batches of people without holding a
   * transaction open (on SQLite that would hold the write lock while the answer is sent).
   */
  public void write(Member member, ImportPeople.Format format, boolean withNotes, Writer out) {
    String ws = member.workspaceId();
    List<PersonCard> cards = new ArrayList<>();
    String after = null;
    while (true) {
      List<Person> batch = people.page(ws, after, BATCH);
      if (batch.isEmpty()) {
        break;
      }
      Map<String, List<String>> bodies = withNotes ? notes.bodies(ws, batch.stream().map(Person::id).toList()) : Map.of();
      batch.forEach(p -> cards.add(card(p, bodies.getOrDefault(p.id(), List.of()))));
      after = batch.get(batch.size() - 1).id();
      if (format == ImportPeople.Format.VCARD) {
        VcardPeople.write(cards, out);
        cards.clear();
      }
    }
    if (format == ImportPeople.Format.CSV) {
      CsvPeople.write(cards, withNotes, out);
    }
  }

  static PersonCard card(Person p, List<String> notes) {
    List<PersonCard.Account> accounts = new ArrayList<>();
    for (Identity i : p.identities()) {
      accounts.add(new PersonCard.Account(i.network().code(), i.handle(), i.profileUrl()));
    }
    return new PersonCard(p.displayName(), accounts, p.website(), p.tags(), p.howWeMet(), p.timeZone(),
        p.cadenceDays() == null ? "" : p.cadenceDays().toString(), notes);
  }
}
