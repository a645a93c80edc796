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
      // the whole name, then the first name and the handle's user part, which is how greetings name people;
      // a surname alone stays, since surnames are often words ("Bell") that the letter may use too
      String full = words(recipient.displayName());
      if (!full.isEmpty()) {
        t = t.replace(" " + full + " ", " ");
        t = remove(t, full.split(" ")[0]);
      }
      String handle = recipient.handle() == null ? "" : recipient.handle().replaceFirst("^@", "");
      t = remove(t, words(handle.split("[@.]")[0]));
    }
    return t.strip().replaceAll(" +", " ");
  }

  private static String words(String s) {
    return NOT_WORD.matcher(fold(s == null ? "" : s)).replaceAll(" ").strip();
  }

  private static String remove(String t, String word) {
    return word.length() < 2 ? t : t.replace(" " + word + " ", " ");
  }

  private static String fold(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
  }
}
