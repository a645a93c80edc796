package org.socius.publishing.internal;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a text that is too long for one post into the parts of a thread. It prefers sentence
 * boundaries so each part reads on its own, falls back to word boundaries for a long sentence,
 * and cuts a single over-long word only between graphemes, so no emoji or accented letter breaks.
 * A link is one word and is never cut while it fits a part.
 *
 * <p>Lengths are measured by the caller's function because each network counts differently
 * (Mastodon counts a link as 23 characters, Bluesky counts graphemes). With numbering, each part
 * ends in {@code " i/n"} and the part, number included, still fits.
 */
public final class ThreadSplitter {

  private static final Pattern WORD = Pattern.compile("\\S+");
  private static final Pattern GRAPHEME = Pattern.compile("\\X");

  private ThreadSplitter() {}

  /**
   * The parts, trimmed and never empty; text that fits is one part without a number, blank text
   * none. Throws {@link IllegalArgumentException} when {@code maxLength} leaves no room for a
   * single character.
   */
  public static List<String> split(String text, int maxLength, ToIntFunction<String> length, boolean numbered) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    String whole = text.strip();
    if (length.applyAsInt(whole) <= maxLength) {
      return List.of(whole);
    }
    if (!numbered) {
      return pack(whole, maxLength, length);
    }
    // the number's width depends on the count, which depends on the room left: repeat until stable
    int digits = 1;
    int slack = 0;
    while (true) {
      String widest = "9".repeat(digits);
      List<String> parts = pack(whole, maxLength - length.applyAsInt(suffix(widest, widest)) - slack, length);
      int count = parts.size();
      if (String.valueOf(count).length() > digits) {
        digits = String.valueOf(count).length();
        continue;
      }
      List<String> result = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        result.add(parts.get(i) + suffix(String.valueOf(i + 1), String.valueOf(count)));
      }
      if (result.stream().allMatch(part -> length.applyAsInt(part) <= maxLength)) {
        return result;
      }
      slack++; // a length function that is not additive: leave a little more room
    }
  }

  private static String suffix(String index, String count) {
    return " " + index + "/" + count;
  }

  /** Greedy packing of the smallest pieces into parts of at most {@code budget}. */
  private static List<String> pack(String text, int budget, ToIntFunction<String> length) {
    if (budget < 1) {
      throw new IllegalArgumentException("No room for text in parts of this length");
    }
    List<int[]> pieces = pieces(text, budget, length);
    List<String> parts = new ArrayList<>();
    int first = 0;
    while (first < pieces.size()) {
      int start = pieces.get(first)[0];
      int last = first;
      while (last + 1 < pieces.size()
          && length.applyAsInt(text.substring(start, pieces.get(last + 1)[1])) <= budget) {
        last++;
      }
      parts.add(text.substring(start, pieces.get(last)[1]));
      first = last + 1;
    }
    return parts;
  }

  /** Start and end of each sentence, or of its words or word fragments where it does not fit. */
  private static List<int[]> pieces(String text, int budget, ToIntFunction<String> length) {
    List<int[]> pieces = new ArrayList<>();
    for (int[] sentence : sentences(text)) {
      if (length.applyAsInt(text.substring(sentence[0], sentence[1])) <= budget) {
        pieces.add(sentence);
        continue;
      }
      Matcher word = WORD.matcher(text).region(sentence[0], sentence[1]);
      while (word.find()) {
        if (length.applyAsInt(word.group()) <= budget) {
          pieces.add(new int[] {word.start(), word.end()});
        } else {
          fragments(text, word.start(), word.end(), budget, length, pieces);
        }
      }
    }
    return pieces;
  }

  /** Sentence spans without surrounding blanks; a break inside a word (as in a link) is ignored. */
  private static List<int[]> sentences(String text) {
    BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.ROOT);
    breaks.setText(text);
    List<int[]> spans = new ArrayList<>();
    int start = 0;
    for (int end = breaks.next(); end != BreakIterator.DONE; end = breaks.next()) {
      if (end < text.length() && !Character.isWhitespace(text.charAt(end - 1))) {
        continue;
      }
      int from = start;
      int to = end;
      while (from < to && Character.isWhitespace(text.charAt(from))) {
        from++;
      }
      while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
        to--;
      }
      if (from < to) {
        spans.add(new int[] {from, to});
      }
      start = end;
    }
    return spans;
  }

  private static void fragments(
      String text, int start, int end, int budget, ToIntFunction<String> length, List<int[]> into) {
    Matcher grapheme = GRAPHEME.matcher(text).region(start, end);
    int from = start;
    int to = start;
    while (grapheme.find()) {
      if (to > from && length.applyAsInt(text.substring(from, grapheme.end())) > budget) {
        into.add(new int[] {from, to});
        from = to;
      }
      to = grapheme.end();
      if (length.applyAsInt(text.substring(from, to)) > budget) {
        throw new IllegalArgumentException("One character is longer than the room in a part");
      }
    }
    into.add(new int[] {from, to});
  }
}
