package org.socius.people.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.socius.platform.DomainException;

/**
 * A person as a file or a form gives them, not yet checked: the shape that vCard and CSV are
 * read into and written from, and what adding a person by hand takes.
 *
 * @param cadenceDays as written (a number of days, or blank)
 */
public record PersonCard(String name, List<Account> accounts, String website, List<String> tags, String howWeMet, String timeZone,
    String cadenceDays, List<String> notes) {

  /** An account as given: network code, handle, profile address (may be blank). */
  public record Account(String network, String handle, String profileUrl) {}

  /** The card after {@link #check()}: every value acceptable, accounts in their network's form, tags lower-case and distinct. */
  record Checked(String name, List<Input.HandAccount> accounts, String website, List<String> tags, String howWeMet, String timeZone,
      Integer cadenceDays, List<String> notes) {}

  /** Checks every value; the first one refused throws, naming its field. Without a name the first account's handle names the person. */
  Checked check() {
    List<Input.HandAccount> checkedAccounts = new ArrayList<>();
    for (Account a : accounts == null ? List.<Account>of() : accounts) {
      checkedAccounts.add(Input.account(a.network(), a.handle(), a.profileUrl()));
    }
    String n = Input.optional("name", name, 300);
    if (n.isEmpty()) {
      if (checkedAccounts.isEmpty()) {
        throw new DomainException.Invalid("name", "problem.person-name");
      }
      n = checkedAccounts.get(0).handle();
    }
    LinkedHashSet<String> checkedTags = new LinkedHashSet<>();
    for (String t : tags == null ? List.<String>of() : tags) {
      if (t != null && !t.isBlank()) {
        checkedTags.add(Input.tag(t));
      }
    }
    List<String> checkedNotes = new ArrayList<>();
    for (String note : notes == null ? List.<String>of() : notes) {
      String body = Input.optional("notes", note, AddNote.MAX);
      if (!body.isEmpty()) {
        checkedNotes.add(body);
      }
    }
    return new Checked(n, List.copyOf(checkedAccounts), Input.website(website), List.copyOf(checkedTags),
        Input.optional("howWeMet", howWeMet, 2000), Input.timeZone(timeZone), cadence(cadenceDays), List.copyOf(checkedNotes));
  }

  private static Integer cadence(String days) {
    if (days == null || days.isBlank()) {
      return null;
    }
    try {
      return Input.cadence(Integer.valueOf(days.strip()));
    } catch (NumberFormatException e) {
      throw new DomainException.Invalid("cadenceDays", "problem.cadence");
    }
  }
}
