package org.socius.people.internal.web;

import java.util.List;
import org.socius.people.Person;
import org.socius.people.Strength;

/** One person: accounts, what the team keeps about them, the strength and the shared history. */
public record PersonPage(Person person, List<Account> accounts, Strength strength, String due, List<Note> notes, List<Line> timeline,
    boolean canEdit) {

  /** @param bio the bio's plain text (shown escaped); @param profileUrl only http(s), else empty; @param links found in the bio, http(s) */
  public record Account(String network, String handle, String name, String bio, List<String> links, String bioChanged,
      String bioChangedIso, String profileUrl, String firstSeen, boolean byHand) {}

  public record Note(String id, String body, String author, String when, String iso) {}

  /**
   * @param who the account or the member who acted
   * @param url only http(s), else empty
   * @param removable a contact logged by hand
   */
  public record Line(String id, String direction, String kind, String who, String text, String url, String when, String iso,
      boolean removable) {}
}
