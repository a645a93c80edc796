package org.socius.bench;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;

/**
 * Text for the feed search benchmark, drawn deterministically from a vocabulary of
 * {@link #SIZE} words with a Zipf distribution (exponent 1): the word of rank r comes up in
 * proportion to 1/(r+1), so the first hundred (English function words such as "the") are in
 * nearly every item and most of the rest, made-up words like "kelomira", in a few or none.
 */
final class FeedSearchBenchmarkText {

  static final int SIZE = 200_000;
  static final String[] FUNCTION_WORDS = ("the of and to a in is it that for on with as was at by be this from or have an are not "
      + "but they which you one all were we there their has been would when more will who so can if out about up what some into "
      + "them than then its only other new also time two could these first may like over after any most our very just where how "
      + "made well back much many before between being those never same under while last might great through still should "
      + "here both each").split(" ");
  private static final String[] SYLLABLES = ("ba be bi bo bu da de di do du fa fe fi fo ga ge go ka ke ki ko ku la le li lo lu "
      + "ma me mi mo mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si so ta te ti to tu va ve vi vo za zo tra ble ster "
      + "mon dor vin").split(" ");

  final String[] words = new String[SIZE];
  private final double[] cumulative = new double[SIZE];

  FeedSearchBenchmarkText() {
    Set<String> seen = new LinkedHashSet<>(Arrays.asList(FUNCTION_WORDS));
    Random r = new Random(11);
    while (seen.size() < SIZE) {
      StringBuilder w = new StringBuilder();
      for (int s = 0, n = 2 + r.nextInt(3); s < n; s++) {
        w.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
      }
      seen.add(w.toString());
    }
    seen.toArray(words);
    double sum = 0;
    for (int i = 0; i < SIZE; i++) {
      sum += 1.0 / (i + 1);
      cumulative[i] = sum;
    }
  }

  /** The rank of a word drawn from the distribution. */
  int rank(Random r) {
    int i = Arrays.binarySearch(cumulative, r.nextDouble() * cumulative[SIZE - 1]);
    return i >= 0 ? i : Math.min(-i - 1, SIZE - 1);
  }

  String word(Random r) {
    return words[rank(r)];
  }

  /** Words of a title: no function words, the first capitalised. */
  String title(Random r, int count) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < count; i++) {
      int k;
      do {
        k = rank(r);
      } while (k < FUNCTION_WORDS.length);
      String w = words[k];
      b.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : " " + w);
    }
    return b.toString();
  }

  void sentence(Random r, int count, StringBuilder b) {
    for (int i = 0; i < count; i++) {
      b.append(i == 0 ? "" : " ").append(word(r));
    }
    b.append('.');
  }

  /** Paragraphs of sanitised HTML, as stored. */
  String html(Random r, int paragraphs) {
    StringBuilder b = new StringBuilder();
    for (int p = 0; p < paragraphs; p++) {
      b.append("<p>");
      for (int s = 0, n = 3 + r.nextInt(4); s < n; s++) {
        b.append(s == 0 ? "" : " ");
        sentence(r, 8 + r.nextInt(12), b);
      }
      b.append("</p>");
    }
    return b.toString();
  }
}
