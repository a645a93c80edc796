package org.socius.feeds.internal.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;

/**
 * Reads any feed Socius supports from its bytes: decodes the text (see {@link FeedText}), tells
 * JSON from XML, reads it in one streaming pass, and normalises the result (dates read, links
 * absolute, HTML sanitised). A document that is not a feed fails with a {@link FeedFormatException}
 * saying why: an HTML page, malformed XML (with line and column), an unknown root element.
 */
public final class FeedParser {

  private FeedParser() {}

  /**
   * @param contentType the Content-Type header, or null
   * @param address where the document was fetched, to resolve relative links (or null)
   */
  public static ParsedFeed parse(byte[] body, String contentType, String address) {
    return parse(body, contentType, address, true);
  }

  /** With sanitise false the item HTML is kept as it came: unsafe, only to time parsing apart from sanitising. */
  static ParsedFeed parse(byte[] body, String contentType, String address, boolean sanitise) {
    String text = FeedText.decode(body, contentType);
    int start = 0;
    while (start < text.length() && (Character.isWhitespace(text.charAt(start)) || text.charAt(start) == '\uFEFF')) {
      start++;
    }
    if (start == text.length()) {
      throw new FeedFormatException("The document is empty");
    }
    text = text.substring(start);
    char first = text.charAt(0);
    RawFeed raw;
    if (first == '{' || first == '[') {
      raw = JsonFeedReader.read(text);
    } else if (first == '<') {
      if (looksLikeHtml(text)) {
        throw new FeedFormatException("This is an HTML page, not a feed");
      }
      raw = xml(text);
    } else {
      throw new FeedFormatException("This is neither XML nor JSON: it starts with text, not a feed");
    }
    return normalise(raw, address, sanitise);
  }

  static boolean looksLikeHtml(String text) {
    String head = text.substring(0, Math.min(text.length(), 1024)).toLowerCase(Locale.ROOT);
    return head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<html ") || head.contains("<html>")
        || head.contains("<head>") || head.contains("<body");
  }

  private static RawFeed xml(String text) {
    try {
      return XmlFeedReader.read(text, true);
    } catch (XMLStreamException strict) {
      // broken feeds are common: try once more with the usual breakage repaired, then without namespaces
      String repaired = XmlRepair.repair(text);
      try {
        return XmlFeedReader.read(repaired, true);
      } catch (XMLStreamException again) {
        try {
          return XmlFeedReader.read(repaired, false);
        } catch (XMLStreamException unaware) {
          return tagSoup(repaired, strict);
        }
      }
    }
  }

  /** Last resort for mismatched end tags: jsoup's forgiving XML tree builder, written out well-formed. */
  private static RawFeed tagSoup(String repaired, XMLStreamException strict) {
    org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(repaired, "", org.jsoup.parser.Parser.xmlParser());
    doc.outputSettings().syntax(org.jsoup.nodes.Document.OutputSettings.Syntax.xml).prettyPrint(false)
        .escapeMode(org.jsoup.nodes.Entities.EscapeMode.xhtml);
    try {
      return XmlFeedReader.read(doc.outerHtml(), false);
    } catch (XMLStreamException last) {
      throw new FeedFormatException("The XML is malformed" + where(strict) + ": " + reason(strict), strict);
    }
  }

  private static String where(XMLStreamException e) {
    Location l = e.getLocation();
    return l == null || l.getLineNumber() < 0 ? "" : " at line " + l.getLineNumber() + ", column " + l.getColumnNumber();
  }

  private static String reason(XMLStreamException e) {
    String m = e.getMessage() == null ? "unreadable" : e.getMessage();
    int at = m.indexOf("Message: ");
    return at >= 0 ? m.substring(at + 9).strip() : m.strip();
  }

  private static ParsedFeed normalise(RawFeed raw, String address, boolean sanitise) {
    String feedUrl = Links.absolute(address, raw.feedUrl);
    String site = Links.absolute(feedUrl != null ? feedUrl : address, raw.siteUrl != null ? raw.siteUrl : raw.altUrl);
    String base = site != null ? site : address;
    List<ParsedFeed.Item> items = new ArrayList<>(raw.items.size());
    for (RawFeed.Item i : raw.items) {
      String link = Links.absolute(base, i.link != null ? i.link : i.altLink);
      if (link == null && i.permalinkGuid != null) {
        link = Links.absolute(null, i.permalinkGuid); // RSS: a guid is the permalink unless it says otherwise
      }
      String itemBase = link != null ? link : base;
      items.add(new ParsedFeed.Item(i.guid, i.title == null ? null : i.title.strip(), link,
          sanitise ? HtmlSanitizer.sanitize(i.summary, itemBase) : i.summary,
          sanitise ? HtmlSanitizer.sanitize(i.content, itemBase) : i.content, authors(i.authors),
          FeedDates.parse(i.published), FeedDates.parse(i.updated), List.copyOf(i.categories), enclosures(i.enclosures, itemBase),
          Links.absolute(itemBase, i.imageUrl)));
    }
    return new ParsedFeed(raw.format, raw.title != null ? raw.title : raw.altTitle, site, feedUrl,
        raw.description != null ? raw.description : raw.altDescription, raw.language, Links.absolute(base, raw.imageUrl),
        authors(raw.authors), FeedDates.parse(raw.updated), ttl(raw.ttl), List.copyOf(items));
  }

  private static List<ParsedFeed.Author> authors(List<ParsedFeed.Author> list) {
    return list.stream().filter(a -> a.label() != null).toList();
  }

  private static List<ParsedFeed.Enclosure> enclosures(List<ParsedFeed.Enclosure> list, String base) {
    return list.stream().filter(e -> Links.absolute(base, e.url()) != null)
        .map(e -> new ParsedFeed.Enclosure(Links.absolute(base, e.url()), e.type(), e.length())).toList();
  }

  private static Integer ttl(String text) {
    Long minutes = RawFeed.number(text);
    return minutes == null || minutes <= 0 || minutes > 7 * 24 * 60 ? null : minutes.intValue();
  }
}
