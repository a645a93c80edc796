package org.socius.feeds.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.socius.feeds.internal.parse.PageMeta;
import org.socius.networks.Network;
import org.socius.people.Identity;
import org.socius.people.People;
import org.socius.people.Person;
import org.socius.people.Strength;

/** Who a shared page is credited to: creator tag, then rel="me" profile, then a known person whose website it is, then the site. */
class ShareCreditTest {

  static final String LINK = "https://www.ann.example/2026/gardens";

  static Person ann(String website, String profileUrl) {
    Identity id = new Identity("i1", "p1", Network.MASTODON, "1", "ann", "Ann", null, null, null, null, profileUrl, Instant.EPOCH,
        Instant.EPOCH);
    return new Person("p1", "w1", "Ann", website, null, null, null, null, Instant.EPOCH, List.of(id), List.of());
  }

  static SharePage withPeople(List<Person> found) {
    People people = new People() {
      public Optional<Person> find(String w, String p) {
        return Optional.empty();
      }

      public Optional<Person> findByAccount(String w, Network n, String r) {
        return Optional.empty();
      }

      public List<Person> search(String w, String text, int limit) {
        return found;
      }

      public Optional<Strength> strength(String w, String p) {
        return Optional.empty();
      }

      public long genuineRelationships(String w) {
        return 0;
      }

      public List<Note> notes(String w, String p, int limit) {
        return List.of();
      }

      public List<Contact> lastInteractions(String w, String p, int limit) {
        return List.of();
      }

      public List<Person> pastDue(String w, int limit) {
        return List.of();
      }
    };
    return new SharePage(null, people, null, null);
  }

  @Test
  void theCreatorTagWinsThenRelMe() {
    SharePage s = withPeople(List.of(ann("https://ann.example/", "https://social.example/@ann")));
    assertThat(s.credit("w1", new PageMeta("T", "Site", "@bo@masto.example", List.of("https://bsky.app/profile/c.example")), LINK))
        .isEqualTo("@bo@masto.example");
    assertThat(s.credit("w1", new PageMeta("T", "Site", null, List.of("https://ann.example/about", "https://bsky.app/profile/c.example")),
        LINK)).isEqualTo("@c.example");
  }

  @Test
  void aKnownPersonWhoseWebsiteItIsIsCreditedByTheirHandle() {
    assertThat(withPeople(List.of(ann("https://ann.example/", "https://social.example/@ann"))).credit("w1",
        new PageMeta("T", "Site", null, List.of()), LINK)).isEqualTo("@ann@social.example");
    assertThat(withPeople(List.of(ann("https://ann.example/", "https://social.example/@ann"))).credit("w1", null, LINK))
        .as("even when the page could not be read").isEqualTo("@ann@social.example");
    assertThat(withPeople(List.of(ann("https://other.example/", "https://social.example/@ann"))).credit("w1",
        new PageMeta("T", "Site", null, List.of()), LINK)).as("someone else's website").isEqualTo("Site");
  }

  @Test
  void otherwiseTheSiteNameElseTheHost() {
    SharePage s = withPeople(List.of());
    assertThat(s.credit("w1", new PageMeta("T", "Ann's notes", null, List.of()), LINK)).isEqualTo("Ann's notes");
    assertThat(s.credit("w1", new PageMeta("T", null, null, List.of()), LINK)).isEqualTo("ann.example");
    assertThat(s.credit("w1", null, LINK)).isEqualTo("ann.example");
  }
}
