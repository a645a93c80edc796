package org.socius.people.internal;

import java.net.URI;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which people are probably one person, and why: the same name and a link both give, the same
 * website, or one account's bio pointing at the other's profile (as a {@code rel="me"} link does).
 * Pairs are found through shared keys, never by comparing everyone with everyone, so that it
 * stays fast at 100,000 people. A person confirms; nothing is merged here.
 */
public final class MergeSuggestions {

  private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"')]+", Pattern.CASE_INSENSITIVE);

  private MergeSuggestions() {}

  /** What Socius knows of a person for this purpose. */
  public record Candidate(String personId, String name, String website, List<String> bios, List<String> profileUrls) {}

  public enum Reason {
    SAME_NAME_AND_LINK,
    SAME_WEBSITE,
    LINKS_TO_PROFILE
  }

  public record Suggestion(String personId, String otherId, Reason reason, String evidence) {}

  public static List<Suggestion> find(Collection<Candidate> people) {
    Map<String, List<Candidate>> byName = new HashMap<>();
    Map<String, List<Candidate>> byWebsite = new HashMap<>();
    Map<String, Candidate> byProfile = new HashMap<>();
    Map<Candidate, Set<String>> links = new HashMap<>();
    for (Candidate c : people) {
      String name = name(c.name());
      if (name.length() >= 3) {
        byName.computeIfAbsent(name, k -> new ArrayList<>()).add(c);
      }
      String site = link(c.website());
      if (site != null) {
        byWebsite.computeIfAbsent(site, k -> new ArrayList<>()).add(c);
      }
      c.profileUrls().stream().map(MergeSuggestions::link).filter(l -> l != null).forEach(l -> byProfile.put(l, c));
      Set<String> found = new LinkedHashSet<>();
      c.bios().forEach(b -> found.addAll(links(b)));
      if (site != null) {
        found.add(site);
      }
      links.put(c, found);
    }
    Map<String, Suggestion> out = new LinkedHashMap<>();
    for (List<Candidate> same : byWebsite.values()) {
      pairs(same, (a, b) -> add(out, a, b, Reason.SAME_WEBSITE, link(a.website())));
    }
    for (List<Candidate> same : byName.values()) {
      pairs(same, (a, b) -> {
        Set<String> shared = new LinkedHashSet<>(links.get(a));
        shared.retainAll(links.get(b));
        if (!shared.isEmpty()) {
          add(out, a, b, Reason.SAME_NAME_AND_LINK, shared.iterator().next());
        }
      });
    }
    for (Candidate c : people) {
      for (String l : links.get(c)) {
        Candidate other = byProfile.get(l);
        if (other != null && other != c) {
          add(out, c, other, Reason.LINKS_TO_PROFILE, l);
        }
      }
    }
    return List.copyOf(out.values());
  }

  private static void add(Map<String, Suggestion> out, Candidate a, Candidate b, Reason reason, String evidence) {
    String first = a.personId().compareTo(b.personId()) < 0 ? a.personId() : b.personId();
    String second = first.equals(a.personId()) ? b.personId() : a.personId();
    out.putIfAbsent(first + "/" + second, new Suggestion(first, second, reason, evidence));
  }

  private static void pairs(List<Candidate> group, java.util.function.BiConsumer<Candidate, Candidate> each) {
    for (int i = 0; i < group.size() && i < 50; i++) { // a very common name is no evidence: look at 50 at most
      for (int j = i + 1; j < group.size() && j < 50; j++) {
        each.accept(group.get(i), group.get(j));
      }
    }
  }

  /** A name compared without case, accents, punctuation or emoji. */
  static String name(String name) {
    if (name == null) {
      return "";
    }
    String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  static Set<String> links(String text) {
    Set<String> found = new LinkedHashSet<>();
    if (text != null) {
      Matcher m = URL.matcher(text);
      while (m.find()) {
        String l = link(m.group().replaceAll("[.,;:!?]+$", ""));
        if (l != null) {
          found.add(l);
        }
      }
    }
    return found;
  }

  /** A link reduced to host and path: no scheme, no "www.", no query, no trailing slash, lower-case host. */
  static String link(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String text = url.strip();
    if (!text.matches("(?i)https?://.*")) {
      text = "https://" + text;
    }
    try {
      URI u = URI.create(text);
      if (u.getHost() == null) {
        return null;
      }
      String host = u.getHost().toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
      String path = u.getRawPath() == null ? "" : u.getRawPath().replaceAll("/+$", "");
      return host + path;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
