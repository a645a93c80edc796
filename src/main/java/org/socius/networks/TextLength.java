package org.socius.networks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text length as the networks count it, so that a composer's counter and the check before
 * publishing agree with the server. Both networks count grapheme clusters (what a reader sees as
 * one character: an emoji family, a flag, a letter with its accent), not Java chars; the regex
 * {@code \X} does this on Java 17, where {@code BreakIterator} still splits emoji sequences.
 */
public final class TextLength {

  /** An http(s) URL as Mastodon's extractor finds it (twitter-text's, simplified): up to white space. */
  private static final Pattern URL = Pattern.compile("(?<![\\p{L}\\p{N}@/_])https?://[^\\s<>\"]+", Pattern.CASE_INSENSITIVE);
  /** Mastodon's {@code Account::MENTION_RE}. */
  private static final Pattern MENTION = Pattern.compile(
      "(?<![=/\\w])@(([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@\\w+(?:[.-]+\\w+)*)?)",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern GRAPHEME = Pattern.compile("\\X");

  private TextLength() {}

  /**
   * As Mastodon's {@code StatusLengthValidator}: every URL with a scheme counts {@code urlLength}
   * and every mention {@code @user@domain} counts as {@code @user}.
   */
  public static int mastodon(String text, int urlLength) {
    return graphemes(countable(text, urlLength));
  }

  /** Grapheme clusters, as Bluesky counts a post's 300. */
  public static int graphemes(String text) {
    if (text == null) {
      return 0;
    }
    Matcher m = GRAPHEME.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** The text with each URL replaced by {@code urlLength} placeholders and each remote mention shortened. */
  static String countable(String text, int urlLength) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    record Entity(int start, int end, String replacement) {}
    List<Entity> entities = new ArrayList<>();
    Matcher url = URL.matcher(text);
    while (url.find()) {
      int end = url.end();
      // trailing punctuation ends a sentence rather than the address; a closing bracket only when unbalanced
      while (end > url.start()) {
        char c = text.charAt(end - 1);
        if (".,:;!?'\"".indexOf(c) >= 0) {
          end--;
        } else if (c == ')' && count(text, url.start(), end, '(') < count(text, url.start(), end, ')')) {
          end--;
        } else {
          break;
        }
      }
      entities.add(new Entity(url.start(), end, "x".repeat(urlLength)));
    }
    Matcher mention = MENTION.matcher(text);
    while (mention.find()) {
      entities.add(new Entity(mention.start(), mention.end(), "@" + mention.group(2)));
    }
    entities.sort(Comparator.comparingInt(Entity::start));
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (Entity e : entities) {
      if (e.start() < at) {
        continue; // overlaps an earlier entity, as Mastodon's remove_overlapping_entities drops it
      }
      out.append(text, at, e.start()).append(e.replacement());
      at = e.end();
    }
    return out.append(text.substring(at)).toString();
  }

  private static int count(String text, int from, int to, char c) {
    int n = 0;
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }
}
