package org.socius.publishing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ThreadSplitterTest {

  static final Pattern GRAPHEME = Pattern.compile("\\X");
  static final Pattern URL = Pattern.compile("https?://\\S+");
  static final Pattern NUMBER = Pattern.compile(" (\\d+)/(\\d+)$");

  /** Bluesky's way: each grapheme is one. */
  static final ToIntFunction<String> GRAPHEMES = text -> graphemes(text).size();

  /** Mastodon's way: each link is 23, whatever its length. */
  static final ToIntFunction<String> LINKS_AS_23 =
      text -> GRAPHEMES.applyAsInt(URL.matcher(text).replaceAll("x".repeat(23)));

  static List<String> graphemes(String text) {
    List<String> graphemes = new ArrayList<>();
    Matcher matcher = GRAPHEME.matcher(text);
    while (matcher.find()) {
      graphemes.add(matcher.group());
    }
    return graphemes;
  }

  static List<String> words(String text) {
    return Arrays.stream(text.strip().split("\\s+")).toList();
  }

  static List<String> withoutNumbers(List<String> parts) {
    return parts.stream().map(part -> NUMBER.matcher(part).replaceFirst("")).toList();
  }

  static void assertNumberedAndFitting(List<String> parts, int maxLength, ToIntFunction<String> length) {
    for (int i = 0; i < parts.size(); i++) {
      assertThat(parts.get(i)).endsWith(" " + (i + 1) + "/" + parts.size());
      assertThat(length.applyAsInt(parts.get(i))).as(parts.get(i)).isLessThanOrEqualTo(maxLength);
    }
  }

  @Test
  void blankTextHasNoParts() {
    assertThat(ThreadSplitter.split(null, 300, GRAPHEMES, true)).isEmpty();
    assertThat(ThreadSplitter.split(" \n\t ", 300, GRAPHEMES, true)).isEmpty();
  }

  @Test
  void textThatFitsIsOnePartWithoutANumber() {
    assertThat(ThreadSplitter.split("  Hello, world.\n", 13, GRAPHEMES, true)).containsExactly("Hello, world.");
  }

  @Test
  void partsEndAtSentencesWhenTheSentencesFit() {
    String text = "The first sentence is here. The second one follows it! Does a third fit? No, it goes on.";

    List<String> parts = ThreadSplitter.split(text, 60, GRAPHEMES, false);

    assertThat(parts).containsExactly(
        "The first sentence is here. The second one follows it!", "Does a third fit? No, it goes on.");
  }

  @Test
  void numberedPartsCountFromOneToTheTotalAndFitWithTheirNumber() {
    String text = "The first sentence is here. The second one follows it! Does a third fit? No, it goes on.";

    List<String> parts = ThreadSplitter.split(text, 40, GRAPHEMES, true);

    assertThat(parts).containsExactly(
        "The first sentence is here. 1/3", "The second one follows it! 2/3", "Does a third fit? No, it goes on. 3/3");
    assertNumberedAndFitting(parts, 40, GRAPHEMES);
  }

  @Test
  void aNumberThatGainsADigitStillFits() {
    String sentence = "A sentence of 25 letters."; // one per part while the number has one digit
    assertThat(sentence).hasSize(25);
    String nine = IntStream.range(0, 9).mapToObj(i -> sentence).collect(Collectors.joining(" "));
    String ten = nine + " " + sentence;

    assertThat(ThreadSplitter.split(nine, 29, GRAPHEMES, true)).hasSize(9).allMatch(part -> part.startsWith(sentence));
    List<String> parts = ThreadSplitter.split(ten, 29, GRAPHEMES, true);
    assertThat(parts.size()).isGreaterThan(10);
    assertNumberedAndFitting(parts, 29, GRAPHEMES);
    assertThat(words(String.join(" ", withoutNumbers(parts)))).isEqualTo(words(ten));
  }

  @Test
  void aLongSentenceIsSplitBetweenWordsKeepingEveryWordInOrder() {
    String text = IntStream.range(0, 200).mapToObj(i -> "word" + i).collect(Collectors.joining(" "))
        + ". A short one. " + "and then many more words without any full stop at all ".repeat(20);

    for (boolean numbered : new boolean[] {false, true}) {
      List<String> parts = ThreadSplitter.split(text, 100, GRAPHEMES, numbered);
      List<String> texts = numbered ? withoutNumbers(parts) : parts;

      assertThat(parts).allMatch(part -> GRAPHEMES.applyAsInt(part) <= 100);
      assertThat(texts).allMatch(part -> !part.isBlank() && part.equals(part.strip()));
      assertThat(words(String.join(" ", texts))).isEqualTo(words(text));
    }
  }

  @Test
  void aWordLongerThanAPartIsCutBetweenGraphemes() {
    String word = "ab👨‍👩‍👧cde\u0301f🇩🇪g👍🏽".repeat(12);

    List<String> parts = ThreadSplitter.split("Start " + word + " end.", 10, GRAPHEMES, false);

    assertThat(parts).allMatch(part -> GRAPHEMES.applyAsInt(part) <= 10);
    assertThat(parts.stream().flatMap(part -> graphemes(part).stream()).toList())
        .isEqualTo(graphemes("Start" + word + "end."));
    assertThat(parts).allMatch(part -> !Character.isLowSurrogate(part.charAt(0)) && part.charAt(0) != '\u0301');
  }

  @Test
  void aLinkCountedAs23IsNeverCut() {
    String link = "https://example.org/a/very/long/path/that/goes/on/and/on/for/a/while?query=1.5&x=Y.z#part";
    String text = "Read this, it is worth it. " + "Some words before the link " + link + " and some after it. "
        + "Then another sentence that takes room. And one more to be sure.";

    List<String> parts = ThreadSplitter.split(text, 60, LINKS_AS_23, true);

    assertNumberedAndFitting(parts, 60, LINKS_AS_23);
    assertThat(parts).filteredOn(part -> part.contains("https://")).singleElement().asString().contains(link);
    assertThat(words(String.join(" ", withoutNumbers(parts)))).isEqualTo(words(text));
  }

  @Test
  void aLinkThatFitsIsNotCutAtTheFullStopOrQuestionMarkInside() {
    String link = "https://example.org/?a=1.B&b=Two!c";
    String text = "First. Look at " + link + " now. Second sentence here. Third sentence here.";

    List<String> parts = ThreadSplitter.split(text, 45, GRAPHEMES, false);

    assertThat(parts).anyMatch(part -> part.contains(link));
    assertThat(parts).allMatch(part -> GRAPHEMES.applyAsInt(part) <= 45);
  }

  @Test
  void lineBreaksInsideAPartAreKept() {
    String text = "First paragraph.\n\nSecond paragraph. " + "Filler sentence. ".repeat(10);

    assertThat(ThreadSplitter.split(text, 40, GRAPHEMES, false).get(0)).isEqualTo("First paragraph.\n\nSecond paragraph.");
  }

  @Test
  void aLengthWithNoRoomForTextIsRefused() {
    assertThatThrownBy(() -> ThreadSplitter.split("Far too long for this.", 4, GRAPHEMES, true))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
