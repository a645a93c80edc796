package org.socius.publishing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.socius.publishing.PostKind.OWN;
import static org.socius.publishing.PostKind.SHARE;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.socius.platform.DomainException;
import org.socius.publishing.PostKind;

class KindSuggestionTest {

  static final List<String> OURS = List.of("example.org");

  static PostKind suggest(String text) {
    return KindSuggestion.suggest(text, OURS, false);
  }

  @Test
  void somethingMadeFromAnotherPersonsWorkIsAShareWhateverItSays() {
    assertThat(KindSuggestion.suggest("Our post https://example.org/x", OURS, true)).isEqualTo(SHARE);
    assertThat(KindSuggestion.suggest("No link at all", OURS, true)).isEqualTo(SHARE);
  }

  @Test
  void wordsWithoutALinkAreOurOwn() {
    assertThat(suggest("Good morning, everyone!")).isEqualTo(OWN);
    assertThat(suggest("We moved to example.org last week")).as("a bare domain is no link").isEqualTo(OWN);
    assertThat(suggest("")).isEqualTo(OWN);
  }

  @Test
  void aLinkToOurDomainOrItsSubdomainsIsOwn() {
    assertThat(suggest("New article: https://example.org/blog/1")).isEqualTo(OWN);
    assertThat(suggest("New article: http://WWW.Example.ORG:8443/blog")).isEqualTo(OWN);
    assertThat(suggest("Shop: https://shop.eu.example.org?x=1")).isEqualTo(OWN);
    assertThat(suggest("Read it (https://example.org).")).isEqualTo(OWN);
    assertThat(suggest("Read it at https://example.org.")).isEqualTo(OWN);
    assertThat(suggest("Read it at https://example.org/post.")).isEqualTo(OWN);
  }

  @Test
  void aLinkElsewhereIsAShare() {
    assertThat(suggest("Great read https://other.net/post")).isEqualTo(SHARE);
    assertThat(suggest("Look (https://other.net/a_(b)).")).isEqualTo(SHARE);
  }

  @Test
  void lookalikeHostsAreNotOurs() {
    assertThat(suggest("https://example.org.evil.com/login")).isEqualTo(SHARE);
    assertThat(suggest("https://evil-example.org/")).isEqualTo(SHARE);
    assertThat(suggest("https://notexample.org/")).isEqualTo(SHARE);
    assertThat(suggest("https://example.org@evil.com/")).as("the host comes after the user name").isEqualTo(SHARE);
  }

  @Test
  void anyLinkToUsWinsOverLinksElsewhere() {
    assertThat(suggest("Via https://other.net/x, our take: https://example.org/take")).isEqualTo(OWN);
  }

  @Test
  void ownDomainsMayBeWrittenLoosely() {
    for (String written : List.of("example.org", "https://example.org/", "EXAMPLE.org", "www.example.org", "example.org.")) {
      assertThat(KindSuggestion.suggest("https://blog.example.org/a", List.of(written), false)).as(written).isEqualTo(OWN);
    }
    assertThat(KindSuggestion.suggest("https://example.org/a", List.of("not a domain", "example.org"), false))
        .isEqualTo(OWN);
  }

  @Test
  void internationalDomainsMatchInUnicodeOrPunycode() {
    assertThat(KindSuggestion.suggest("https://xn--bcher-kva.example/neu", List.of("bücher.example"), false)).isEqualTo(OWN);
    assertThat(KindSuggestion.suggest("https://Bücher.example/neu", List.of("xn--bcher-kva.example"), false)).isEqualTo(OWN);
    assertThat(KindSuggestion.suggest("https://bucher.example/neu", List.of("bücher.example"), false)).isEqualTo(SHARE);
  }

  @Test
  void domainsAreNormalisedFromCommasAndLines() {
    assertThat(KindSuggestion.normaliseDomains(" example.org,\nhttps://WWW.Blog.Example.net:443/about\r\nbücher.example, example.org,"))
        .containsExactly("example.org", "blog.example.net", "xn--bcher-kva.example");
    assertThat(KindSuggestion.normaliseDomains("")).isEmpty();
    assertThat(KindSuggestion.normaliseDomains(null)).isEmpty();
  }

  @Test
  void somethingThatIsNoHostNameIsRefused() {
    for (String bad : List.of("localhost", "exa_mple.org", "-example.org", "example..org", "192.168.0.1", "ex!ample.org")) {
      assertThatThrownBy(() -> KindSuggestion.normaliseDomains("example.org, " + bad)).as(bad)
          .isInstanceOfSatisfying(DomainException.Invalid.class, e -> assertThat(e.field()).isEqualTo("ownDomains"))
          .hasMessageContaining(bad);
    }
  }
}
