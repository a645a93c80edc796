package org.socius.networks.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.socius.networks.Actor;
import org.socius.platform.Hashes;

/**
 * The fingerprint of a message with the names taken out, so that "Hi @ann, thanks for the
 * follow!" and "Hi @bob, thanks for the follow!" are recognised as one form letter. Handles,
 * the recipient's names, case, accents, punctuation and spacing do not count; every other word does.
 */
public final class FormLetters {

  private static final Pattern MENTION = Pattern.compile("@[\\p{L}\\p{N}_.\\-]+(@[\\p{L}\\p{N}_.\\-]+)?");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private FormLetters() {}

  public static String fingerprint(String text, Actor recipient) {
    return Hashes.sha256(normalise(text, recipient));
  }

  static String normalise(String text, Actor recipient) {
    String t = MENTION.matcher(text == null ? "" : text).replaceAll(" ");
    t = fold(t);
    t = " " + NOT_WORD.matcher(t).replaceAll(" ").strip() + " ";
    if (recipient != null) {
      for (String name : new String[] {recipient.displayName(), recipient.handle()}) {
        for (String word : NOT_WORD.split(fold(name == null ? "" : name))) {
          if (word.length() >= 2) {
            t = t.replace(" " + word + " ", " ");
          }
        }
      }
    }
    return t.strip().replaceAll(" +", " ");
  }

  private static String fold(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
  }
}
