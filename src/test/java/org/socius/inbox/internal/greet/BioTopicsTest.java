package org.socius.inbox.internal.greet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.socius.networks.Network;
import org.socius.platform.Messages;

/** Topics, links and question starters from real-looking bios. */
class BioTopicsTest {

  static List<String> texts(String bio) {
    return BioTopics.topics(bio).stream().map(BioTopics.Topic::text).toList();
  }

  static List<String> starters(String bio) {
    return Starters.of(bio, Network.MASTODON, (key, args) -> Messages.format(key, args, Locale.ENGLISH));
  }

  @Test
  void aBioOfShortPhrasesGivesItsPhrasesAsTopicsAndRolesAsRoles() {
    var topics = BioTopics.topics("Teacher | bell ringer | coffee lover. she/her");
    assertThat(topics).containsExactly(new BioTopics.Topic("teacher", true), new BioTopics.Topic("bell ringer", true),
        new BioTopics.Topic("coffee", false));
  }

  @Test
  void hashtagsComeFirstAndHandlesLinksAndPronounsAreNotTopics() {
    assertThat(texts("Writing about #OpenSource and #urbanGardening. Mod at @garden@social.example https://garden.example/blog they/them"))
        .containsExactly("open source", "urban gardening", "writing about", "mod at").doesNotContain("they", "them");
    assertThat(texts("")).isEmpty();
    assertThat(texts("👋 🌱")).isEmpty();
  }

  @Test
  void phrasesLoseTheirLeadInsAndNamesKeepTheirCapitals() {
    assertThat(texts("I love hiking, passionate about OpenStreetMap & into sourdough")).containsExactly("hiking", "OpenStreetMap", "sourdough");
  }

  @Test
  void linksAreFoundWithOrWithoutAScheme() {
    assertThat(BioTopics.links("Blog: ann.example.org/posts, code at https://git.example.com/ann.")).containsExactly(
        "https://ann.example.org/posts", "https://git.example.com/ann");
    assertThat(BioTopics.host("https://www.example.com/x")).isEqualTo("example.com");
  }

  @Test
  void startersAskAboutTheirTopicsAndTheirSite() {
    assertThat(starters("Bell ringer | sourdough baker | https://bells.example")).containsExactly(
        "How did you become a bell ringer?", "What do you enjoy most about being a sourdough baker?",
        "I had a look at bells.example: what are you working on there?");
    assertThat(starters("Hiking and #birdwatching")).containsExactly("What got you into birdwatching?",
        "What are you exploring in hiking at the moment?");
  }

  @Test
  void anEmptyBioStillGetsTwoGentleStarters() {
    assertThat(starters("")).containsExactly("What brought you to Mastodon?", "What are you hoping to find here?");
  }

  @Test
  void segmentsHighlightTopicsAndLinkLinksAndKeepEveryCharacter() {
    String bio = "Bell ringer | <img src=x onerror=alert(1)> | https://bells.example";
    var segments = BioTopics.segments(bio, BioTopics.topics(bio));
    assertThat(String.join("", segments.stream().map(BioTopics.Segment::text).toList())).isEqualTo(bio);
    assertThat(segments.get(0)).isEqualTo(new BioTopics.Segment("Bell ringer", true, null));
    assertThat(segments).contains(new BioTopics.Segment("https://bells.example", false, "https://bells.example"));
  }
}
