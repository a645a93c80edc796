package org.socius.inbox.internal.greet;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socius.people.BioLinks;

/**
 * Reads a bio the way a person skims it before saying hello: the links in it, and a few topics
 * (hashtags, and the short phrases bios are made of: "Teacher | bell ringer | coffee"). A topic
 * that names what someone is ("ringer", "designer") is a role, so a starter asks how they became
 * one rather than what got them into it.
 */
public final class BioTopics {

  public record Topic(String text, boolean role) {}

  /** A piece of the bio to show: plain text, a topic to highlight, or a link. */
  public record Segment(String text, boolean topic, String href) {}

  static final int MAX_TOPICS = 4;
  private static final Pattern URL = BioLinks.URL;
  private static final Pattern HASHTAG = Pattern.compile("#(\\p{L}[\\p{L}\\p{N}_]{2,})");
  private static final Pattern HANDLE = Pattern.compile("@[\\p{L}\\p{N}_.\\-]+(@[\\p{L}\\p{N}_.\\-]+)?");
  private static final Pattern PRONOUNS = Pattern.compile("(?i)\\b(she|he|they|ze|xe)\\s*/\\s*(her|him|them|hers|his|theirs|zir|xem)\\b");
  private static final Pattern SPLIT = Pattern.compile("\\s*(?:[|•·,;\\n/–—]|\\s-\\s|\\.\\s|\\band\\b|&|\\+)\\s*");
  private static final Pattern LEAD = Pattern.compile("(?i)^(?:i\\s+(?:love|like|enjoy|write about|talk about|post about)|i'?m\\s+(?:a|an|into)|i\\s+am\\s+(?:a|an)"
      + "|love|loves|lover of|fan of|into|interested in|passionate about|writing about|talking about|posting about|all things|a|an|the|my|our)\\s+");
  private static final Pattern TRAIL = Pattern.compile("(?i)\\s+(?:enthusiast|lover|fan|nerd|geek|addict|aficionado)s?$");
  private static final Pattern ROLE = Pattern.compile("(?i).*(?:er|or|ist|ian|ant|ent|smith|wright)$");
  private static final Set<String> NOT_ROLES = Set.of("water", "summer", "winter", "paper", "weather", "nature", "literature", "culture",
      "other", "together", "mother", "father", "sister", "brother", "poker", "soccer", "cancer", "color", "colour", "power", "humor",
      "humour", "history", "content", "art", "open", "talent");
  private static final Set<String> STOP = Set.of("here", "there", "views", "my own", "views my own", "opinions my own", "life", "stuff",
      "things", "he", "she", "they", "him", "her", "them", "you", "me", "we", "it", "is", "are", "was", "of", "in", "on", "at", "for",
      "with", "about", "from", "and", "or", "not", "no", "just", "also", "very", "more", "rt", "dm", "dms", "welcome", "hello", "hi");

  private BioTopics() {}

  public static List<Topic> topics(String bio) {
    Map<String, Topic> found = new LinkedHashMap<>();
    String text = bio == null ? "" : bio;
    Matcher tags = HASHTAG.matcher(text);
    while (tags.find() && found.size() < MAX_TOPICS) {
      add(found, words(tags.group(1)));
    }
    String rest = HASHTAG.matcher(HANDLE.matcher(PRONOUNS.matcher(URL.matcher(text).replaceAll(" | ")).replaceAll(" | ")).replaceAll(" | "))
        .replaceAll(" | ");
    for (String part : SPLIT.split(rest)) {
      if (found.size() >= MAX_TOPICS) {
        break;
      }
      add(found, clean(part));
    }
    return List.copyOf(found.values());
  }

  /** The links in a bio, as http(s) addresses. */
  public static List<String> links(String bio) {
    return BioLinks.of(bio);
  }

  /** The host of a link without "www.", for a starter. */
  public static String host(String href) {
    try {
      String host = URI.create(href).getHost();
      return host == null ? href : host.replaceFirst("^www\\.", "");
    } catch (IllegalArgumentException e) {
      return href;
    }
  }

  /** The bio cut into plain text, highlighted topics and links, to render escaped. */
  public static List<Segment> segments(String bio, List<Topic> topics) {
    String text = bio == null ? "" : bio;
    List<Segment> out = new ArrayList<>();
    Matcher m = URL.matcher(text);
    int at = 0;
    while (m.find()) {
      marked(text.substring(at, m.start()), topics, out);
      String href = href(m.group());
      out.add(new Segment(m.group(), false, href));
      at = m.end();
    }
    marked(text.substring(at), topics, out);
    return out;
  }

  private static void marked(String text, List<Topic> topics, List<Segment> out) {
    if (text.isEmpty()) {
      return;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    int best = -1;
    Topic hit = null;
    for (Topic t : topics) {
      int i = lower.indexOf(t.text().toLowerCase(Locale.ROOT));
      if (i >= 0 && (best < 0 || i < best)) {
        best = i;
        hit = t;
      }
    }
    if (hit == null) {
      out.add(new Segment(text, false, null));
      return;
    }
    if (best > 0) {
      out.add(new Segment(text.substring(0, best), false, null));
    }
    int end = best + hit.text().length();
    out.add(new Segment(text.substring(best, end), true, null));
    marked(text.substring(end), topics, out);
  }

  private static String href(String raw) {
    return BioLinks.href(raw);
  }

  private static String clean(String part) {
    String s = part.replaceAll("[^\\p{L}\\p{N}'’ -]", " ").replaceAll("\\s+", " ").strip();
    for (int i = 0; i < 3; i++) {
      s = LEAD.matcher(s).replaceFirst("");
    }
    return TRAIL.matcher(s).replaceFirst("").strip();
  }

  private static void add(Map<String, Topic> found, String phrase) {
    String words = phrase.strip();
    int count = words.isEmpty() ? 0 : words.split(" ").length;
    String key = words.toLowerCase(Locale.ROOT);
    if (count == 0 || count > 3 || words.length() < 3 || words.length() > 40 || STOP.contains(key) || !words.matches(".*\\p{L}{3}.*")
        || Character.isDigit(words.charAt(0)) || found.containsKey(key)) {
      return;
    }
    String last = key.substring(key.lastIndexOf(' ') + 1);
    boolean role = ROLE.matcher(last).matches() && !NOT_ROLES.contains(last) && !last.endsWith("ing");
    String shown = words.equals(words.toUpperCase(Locale.ROOT)) || hasInnerCapital(words) ? words : key;
    found.put(key, new Topic(shown, role));
  }

  /** "OpenStreetMap", "iOS": names that keep their capitals; "Teacher" at a bio's start does not. */
  private static boolean hasInnerCapital(String words) {
    for (String w : words.split(" ")) {
      for (int i = 1; i < w.length(); i++) {
        if (Character.isUpperCase(w.charAt(i))) {
          return true;
        }
      }
    }
    return false;
  }

  /** A hashtag as words: "BellRinging" is "bell ringing"; "opensource" stays one word. */
  static String words(String tag) {
    return tag.replaceAll("(?<=\\p{Ll})(?=\\p{Lu})", " ").replace('_', ' ').toLowerCase(Locale.ROOT);
  }
}
