package org.socius.people;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The links a bio names, written out ("https://…") or bare ("ann.example.org/blog"), as http(s) addresses. */
public final class BioLinks {

  /** A link in text: with a scheme, or a host under a common top-level domain. */
  public static final Pattern URL = Pattern.compile(
      "(?i)\\bhttps?://[^\\s<>\"]+|\\b(?:[a-z0-9-]+\\.)+(?:com|org|net|io|dev|social|app|blog|me|info|eu|uk|de|fr|nl|art)(?:/[^\\s<>\"]*)?");
  /** Links taken from one bio, at most. */
  public static final int MAX = 5;

  private BioLinks() {}

  /** The links in a bio, in order, each once. */
  public static List<String> of(String bio) {
    List<String> links = new ArrayList<>();
    Matcher m = URL.matcher(bio == null ? "" : bio);
    while (m.find() && links.size() < MAX) {
      String href = href(m.group());
      if (href != null && !links.contains(href)) {
        links.add(href);
      }
    }
    return links;
  }

  /** A link as found (trailing punctuation dropped) made an http(s) address, or null when it names no host. */
  public static String href(String raw) {
    String s = raw.replaceAll("[).,;:!?]+$", "");
    String href = s.matches("(?i)^https?://.*") ? s : "https://" + s;
    try {
      URI uri = URI.create(href);
      return uri.getHost() == null ? null : href;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
