package org.socius.feeds.internal.parse;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a shared web page says about itself: its title (OpenGraph, else Twitter card, else
 * {@code <title>}), its site's name, the fediverse creator it names and its {@code rel="me"}
 * profile links. All of it untrusted text, escaped wherever it is shown.
 *
 * @param creator the {@code fediverse:creator} handle as given ("@name@host"), or null
 * @param me the page's rel="me" addresses, absolute, in page order
 */
public record PageMeta(String title, String siteName, String creator, List<String> me) {

  static final int MAX_TEXT = 300;

  public static PageMeta of(String html, String pageUrl) {
    Document doc = Jsoup.parse(html, pageUrl);
    String title = first(meta(doc, "og:title"), meta(doc, "twitter:title"), doc.title());
    String site = first(meta(doc, "og:site_name"), meta(doc, "application-name"));
    String creator = meta(doc, "fediverse:creator");
    if (creator != null && !creator.matches("@?[A-Za-z0-9_.-]+@[A-Za-z0-9.-]+")) {
      creator = null;
    } else if (creator != null && !creator.startsWith("@")) {
      creator = "@" + creator;
    }
    List<String> me = new ArrayList<>();
    for (Element link : doc.select("link[rel][href], a[rel][href]")) {
      if (List.of(link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")).contains("me")) {
        String href = Links.absolute(pageUrl, link.attr("href"));
        if (href != null && !me.contains(href)) {
          me.add(href);
        }
      }
    }
    return new PageMeta(title, site, creator, List.copyOf(me));
  }

  /** The host without "www.", the site's name of last resort. */
  public static String host(String url) {
    try {
      String host = URI.create(url).getHost();
      return host == null ? "" : host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
    } catch (RuntimeException e) {
      return "";
    }
  }

  private static String meta(Document doc, String name) {
    for (Element m : doc.select("meta[content]")) {
      if (name.equalsIgnoreCase(m.attr("property")) || name.equalsIgnoreCase(m.attr("name"))) {
        String c = clean(m.attr("content"));
        if (c != null) {
          return c;
        }
      }
    }
    return null;
  }

  private static String first(String... values) {
    for (String v : values) {
      String c = clean(v);
      if (c != null) {
        return c;
      }
    }
    return null;
  }

  private static String clean(String v) {
    if (v == null) {
      return null;
    }
    String s = v.replaceAll("\\s+", " ").strip();
    if (s.isEmpty()) {
      return null;
    }
    return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) : s;
  }
}
