package org.socius.networks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Counting as the networks count, which a composer's counter shows before anything is sent. */
class TextLengthTest {

  private static final String FAMILY = "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66"; // 👩‍👩‍👧‍👦
  private static final String FLAG = "\uD83C\uDDE9\uD83C\uDDEA"; // 🇩🇪
  private static final String E_ACUTE = "e\u0301"; // e + combining acute

  @Test
  void mastodonCountsUrlsAsTheirReservedLength() {
    assertThat(TextLength.mastodon("hello", 23)).isEqualTo(5);
    assertThat(TextLength.mastodon("see https://example.com/a/very/long/path?with=query#and-fragment", 23)).isEqualTo(4 + 23);
    assertThat(TextLength.mastodon("see http://x.example", 23)).as("short URLs count the same").isEqualTo(4 + 23);
    assertThat(TextLength.mastodon("(https://example.com/x).", 23)).isEqualTo(1 + 23 + 2);
    assertThat(TextLength.mastodon("https://en.wikipedia.org/wiki/Bread_(disambiguation)", 23)).isEqualTo(23);
    assertThat(TextLength.mastodon("example.com without a scheme", 23)).isEqualTo(28);
    assertThat(TextLength.mastodon("https://a.example https://b.example", 10)).isEqualTo(21);
    assertThat(TextLength.mastodon("", 23)).isZero();
    assertThat(TextLength.mastodon(null, 23)).isZero();
  }

  @Test
  void mastodonCountsRemoteMentionsWithoutTheirDomain() {
    assertThat(TextLength.mastodon("hi @ann@bakery.example!", 23)).isEqualTo("hi @ann!".length());
    assertThat(TextLength.mastodon("hi @ann", 23)).isEqualTo(7);
    assertThat(TextLength.mastodon("mail ann@bakery.example", 23)).as("an address is no mention").isEqualTo(23);
    assertThat(TextLength.mastodon("https://x.example/@ann@y.example", 23)).as("a mention inside a URL").isEqualTo(23);
  }

  @Test
  void emojiSequencesFlagsAndCombiningMarksAreOneCharacterEach() {
    assertThat(TextLength.graphemes(FAMILY)).isEqualTo(1);
    assertThat(TextLength.graphemes(E_ACUTE)).isEqualTo(1);
    assertThat(TextLength.graphemes(FLAG)).isEqualTo(1);
    assertThat(TextLength.graphemes(FLAG + FLAG)).isEqualTo(2);
    assertThat(TextLength.graphemes("\uD83D\uDC4D\uD83C\uDFFD")).as("a skin tone").isEqualTo(1);
    assertThat(TextLength.graphemes("\r\n")).isEqualTo(1);
    assertThat(TextLength.graphemes(null)).isZero();
    assertThat(TextLength.mastodon(FAMILY + " " + FLAG + " " + E_ACUTE, 23)).isEqualTo(5);
  }

  @Test
  void postRulesCountAsTheirNetwork() {
    Set<String> png = Set.of("image/png");
    PostRules mastodon = new PostRules(Network.MASTODON, 500, 23, 4, 1, png);
    PostRules bluesky = new PostRules(Network.BLUESKY, 300, 0, 4, 1, png);
    String text = "@ann@bakery.example https://bakery.example/" + "a".repeat(40) + " " + FAMILY;
    assertThat(mastodon.length(text)).isEqualTo(4 + 1 + 23 + 1 + 1);
    assertThat(bluesky.length(text)).isEqualTo(19 + 1 + 63 + 1 + 1);
  }
}
