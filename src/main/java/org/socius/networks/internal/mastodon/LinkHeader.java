package org.socius.networks.internal.mastodon;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Mastodon's paging links (RFC 8288): {@code <…?max_id=7163058>; rel="next"} points to
 * older items, {@code <…?min_id=7275607>; rel="prev"} to newer ones. Only the cursor parameter
 * is taken; the next request is built against the instance we know, never the link's host.
 */
final class LinkHeader {

  private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]+)*)");
  private static final Pattern REL = Pattern.compile(";\\s*rel\\s*=\\s*\"?([^\";]+)\"?");

  private LinkHeader() {}

  /** The value of {@code parameter} in the link with relation {@code rel}, if there is such a link. */
  static Optional<String> param(String header, String rel, String parameter) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    Matcher link = LINK.matcher(header);
    while (link.find()) {
      Matcher r = REL.matcher(link.group(2));
      boolean matches = false;
      while (r.find()) {
        for (String name : r.group(1).strip().split("\\s+")) {
          matches |= name.equalsIgnoreCase(rel);
        }
      }
      if (matches) {
        return query(link.group(1), parameter);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> query(String target, String parameter) {
    String query;
    try {
      query = URI.create(target.strip()).getRawQuery();
    } catch (IllegalArgumentException e) {
      int q = target.indexOf('?');
      query = q < 0 ? null : target.substring(q + 1);
    }
    if (query == null) {
      return Optional.empty();
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      if (name.equals(parameter) && eq >= 0) {
        String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
