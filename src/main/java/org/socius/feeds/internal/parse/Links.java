package org.socius.feeds.internal.parse;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/** Addresses from feeds: made absolute, and cleaned of tracking parameters before they are shared. */
public final class Links {

  private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid",
      "twclid", "igshid", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id",
      "wickedid", "__s", "ref_src", "s_cid", "_ga", "_gl");

  private Links() {}

  /** The link resolved against base; null when it is not an http(s) address. */
  public static String absolute(String base, String link) {
    if (link == null || link.isBlank()) {
      return null;
    }
    try {
      URI uri = new URI(link.strip().replace(" ", "%20"));
      if (!uri.isAbsolute() && base != null) {
        uri = new URI(base).resolve(uri);
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return scheme.equals("http") || scheme.equals("https") ? uri.toString() : null;
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  /** The address without utm_* and the click identifiers of ad and mail services; the rest kept in order. */
  public static String withoutTracking(String url) {
    if (url == null) {
      return null;
    }
    int q = url.indexOf('?');
    if (q < 0) {
      return url;
    }
    int hash = url.indexOf('#', q);
    String query = hash < 0 ? url.substring(q + 1) : url.substring(q + 1, hash);
    String fragment = hash < 0 ? "" : url.substring(hash);
    StringBuilder kept = new StringBuilder();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      String key = pair.substring(0, pair.indexOf('=') < 0 ? pair.length() : pair.indexOf('=')).toLowerCase(Locale.ROOT);
      if (key.startsWith("utm_") || TRACKING.contains(key)) {
        continue;
      }
      kept.append(kept.length() == 0 ? "" : "&").append(pair);
    }
    return url.substring(0, q) + (kept.length() == 0 ? "" : "?" + kept) + fragment;
  }
}
