package org.socius.people.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.socius.people.internal.MergeSuggestions.Candidate;
import org.socius.people.internal.MergeSuggestions.Reason;

class MergeSuggestionsTest {

  private static Candidate person(String id, String name, String website, String bio, String profile) {
    return new Candidate(id, name, website, List.of(bio), List.of(profile));
  }

  @Test
  void theSameNameWithASharedLinkIsOnePersonProbably() {
    var mastodon = person("a", "Ann Bell", "", "Ringer. https://annbell.example/blog/", "https://social.example/@ann");
    var bluesky = person("b", "ann  bell 🔔", "", "Writes at annbell.example: https://www.annbell.example/blog", "https://bsky.app/profile/ann");
    assertThat(MergeSuggestions.find(List.of(mastodon, bluesky)))
        .containsExactly(new MergeSuggestions.Suggestion("a", "b", Reason.SAME_NAME_AND_LINK, "annbell.example/blog"));
  }

  @Test
  void theSameNameAloneOrASharedLinkAloneIsNot() {
    var one = person("a", "Ann Bell", "", "https://parish.example", "https://social.example/@ann");
    var namesake = person("b", "Ann Bell", "", "https://other.example", "https://bsky.app/profile/ann2");
    var sameLink = person("c", "Bob Stone", "", "https://parish.example", "https://social.example/@bob");
    assertThat(MergeSuggestions.find(List.of(one, namesake, sameLink))).isEmpty();
  }

  @Test
  void theSameWebsiteAndABioLinkingTheOthersProfileAreSuggestedWithTheirReason() {
    var a = person("a", "Café Rosa", "https://caferosa.example/", "", "https://social.example/@rosa");
    var b = person("b", "Rosa's Café", "caferosa.example", "", "https://bsky.app/profile/rosa");
    var c = person("c", "Rosa", "", "Also at https://social.example/@rosa.", "https://other.example/@rosa");
    assertThat(MergeSuggestions.find(List.of(a, b, c))).containsExactlyInAnyOrder(
        new MergeSuggestions.Suggestion("a", "b", Reason.SAME_WEBSITE, "caferosa.example"),
        new MergeSuggestions.Suggestion("a", "c", Reason.LINKS_TO_PROFILE, "social.example/@rosa"));
  }

  @Test
  void namesAndLinksAreComparedWithoutTheirSurface() {
    assertThat(MergeSuggestions.name("Zoë  O'Brien!")).isEqualTo("zoe o brien");
    assertThat(MergeSuggestions.link("HTTPS://WWW.Example.org/a/?x=1")).isEqualTo("example.org/a");
    assertThat(MergeSuggestions.link("not a url at all")).isNull();
  }
}
