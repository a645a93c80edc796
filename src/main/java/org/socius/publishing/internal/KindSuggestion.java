package org.socius.publishing.internal;

import java.net.IDN;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socius.platform.DomainException;
import org.socius.publishing.PostKind;

/**
 * Guesses whether a new post shares someone else's work or is about us, so the value-first ratio
 * stays honest without asking the person every time; they can always change it. A link to one of
 * the workspace's own domains (or a subdomain) makes a post our own; a link elsewhere makes it a
 * share; a post without links is our own words.
 */
public final class KindSuggestion {

  /** The host of an http(s) link, after any user name; stops at a port, path, or punctuation. */
  private static final Pattern LINK_HOST =
      Pattern.compile("(?i)\\bhttps?://(?:[^\\s/?#@]*@)?([\\p{L}\\p{M}\\p{N}.-]+)");
  private static final Pattern SCHEME = Pattern.compile("(?i)^[a-z][a-z0-9+.-]*://");
  private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

  private KindSuggestion() {}

  public static PostKind suggest(String text, Collection<String> ownDomains, boolean fromSomeoneElse) {
    if (fromSomeoneElse) {
      return PostKind.SHARE;
    }
    List<String> own = new ArrayList<>();
    for (String domain : ownDomains) {
      String host = host(domain);
      if (host != null) {
        own.add(host);
      }
    }
    boolean linksElsewhere = false;
    Matcher link = LINK_HOST.matcher(text == null ? "" : text);
    while (link.find()) {
      String host = host(link.group(1));
      if (host != null && own.stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d))) {
        return PostKind.OWN;
      }
      linksElsewhere = true;
    }
    return linksElsewhere ? PostKind.SHARE : PostKind.OWN;
  }

  /**
   * The host names in a list separated by commas, new lines or spaces, lower-case and in ASCII
   * (punycode); a scheme, path, port or leading {@code www.} is dropped.
   */
  public static List<String> normaliseDomains(String commaOrNewlineSeparated) {
    Set<String> hosts = new LinkedHashSet<>();
    if (commaOrNewlineSeparated != null) {
      for (String value : commaOrNewlineSeparated.split("[,;\\s]+")) {
        if (value.isEmpty()) {
          continue;
        }
        String host = host(value);
        if (host == null) {
          throw new DomainException.Invalid("ownDomains", "problem.own-domain", value);
        }
        hosts.add(host);
      }
    }
    return List.copyOf(hosts);
  }

  /** The comparable form of a host written by a person or found in a link; null if it is none. */
  private static String host(String value) {
    String host = SCHEME.matcher(value.strip()).replaceFirst("");
    host = host.replaceFirst("[/?#].*$", "").replaceFirst("^[^@]*@", "").replaceFirst(":\\d*$", "");
    host = host.toLowerCase(Locale.ROOT);
    while (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    try {
      host = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (host.startsWith("www.")) {
      host = host.substring(4);
    }
    if (host.length() > 253) {
      return null;
    }
    String[] labels = host.split("\\.", -1);
    if (labels.length < 2 || !labels[labels.length - 1].matches(".*[a-z].*")) {
      return null;
    }
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        return null;
      }
    }
    return host;
  }
}
