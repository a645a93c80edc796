package org.socius.feeds.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.socius.feeds.internal.parse.Links;

/** The feeds a web page announces with {@code <link rel="alternate" type="application/rss+xml" href="...">}. */
public final class Autodiscovery {

  private static final Set<String> FEED_TYPES = Set.of("application/rss+xml", "application/atom+xml", "application/feed+json",
      "application/rdf+xml", "application/json", "application/xml", "text/xml");

  private Autodiscovery() {}

  /** The announced feed addresses, absolute, in page order, without duplicates. */
  public static List<String> feeds(String html, String pageUrl) {
    Document doc = Jsoup.parse(html, pageUrl);
    List<String> out = new ArrayList<>();
    for (Element link : doc.select("link[href][type]")) {
      String rel = link.attr("rel").toLowerCase(Locale.ROOT);
      String type = link.attr("type").toLowerCase(Locale.ROOT).split(";")[0].strip();
      if (!List.of(rel.split("\\s+")).contains("alternate") || !FEED_TYPES.contains(type)) {
        continue;
      }
      String href = Links.absolute(pageUrl, link.attr("href"));
      if (href != null && !out.contains(href)) {
        out.add(href);
      }
    }
    return out;
  }
}
