package org.socius.feeds.internal.parse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Feed HTML through an allow-list (jsoup's relaxed list: text structure, links, images, tables)
 * before it is stored: no script, style, SVG, form, frame or base element, no event handler or
 * style attribute, and only http, https and mailto links. Relative links become absolute against
 * the item's address; every link opens without telling the site where the reader came from.
 */
public final class HtmlSanitizer {

  private static final Safelist ALLOWED = Safelist.relaxed()
      .addTags("figure", "figcaption", "hr", "abbr", "mark", "s", "del", "ins", "time")
      .addAttributes("abbr", "title")
      .addAttributes("time", "datetime")
      .addEnforcedAttribute("a", "rel", "noopener noreferrer")
      .removeProtocols("a", "href", "ftp");

  private static final Document.OutputSettings COMPACT = new Document.OutputSettings().prettyPrint(false);

  private HtmlSanitizer() {}

  /** Safe HTML for the untrusted input; null stays null. */
  public static String sanitize(String html, String baseUrl) {
    if (html == null || html.isBlank()) {
      return null;
    }
    if (plain(html)) {
      // No markup and no entities: what jsoup would answer, without parsing (most titles and many summaries).
      String t = html.strip().replace(">", "&gt;");
      return t.isEmpty() ? null : t;
    }
    String clean = Jsoup.clean(html, baseUrl == null ? "" : baseUrl, ALLOWED, COMPACT).strip();
    return clean.isEmpty() ? null : clean;
  }

  static boolean plain(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '<' || c == '&' || c == '\u00a0' || (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || Character.isSurrogate(c)
          || c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
        return false;
      }
    }
    return true;
  }

  /** The text of HTML, for excerpts and search. */
  public static String text(String html) {
    return html == null ? "" : Jsoup.parse(html).text();
  }
}
