package org.socius.feeds.internal.parse;

import java.io.StringReader;
import java.util.Locale;
import com.ctc.wstx.stax.WstxInputFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One streaming pass over an RSS 0.9x/1.0/2.0 or Atom 0.3/1.0 document. The factory reads no
 * DTD and resolves no entity, internal or external: a billion-laughs or XXE document fails to
 * parse instead of expanding or reading files. Namespaces are matched by URI; when a feed uses a
 * prefix it never declared (common), the document is read again without namespaces and the
 * conventional prefixes (dc, content, itunes, media, atom) stand in for the URIs.
 */
final class XmlFeedReader {

  // Configured once, then only asked for readers. A new reader per document: the JDK's
  // "reuse-instance" option saved a little on small feeds but kept every document's text
  // reachable, and a long parse run ran out of memory with it.
  private static final XMLInputFactory AWARE = factory(true);
  private static final XMLInputFactory PLAIN = factory(false);

  private final XMLStreamReader r;
  private final boolean aware;

  private XmlFeedReader(XMLStreamReader r, boolean aware) {
    this.r = r;
    this.aware = aware;
  }

  private static XMLInputFactory factory(boolean namespaces) {
    XMLInputFactory f = new WstxInputFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, namespaces);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    f.setXMLResolver((publicId, systemId, base, ns) -> {
      throw new XMLStreamException("external entities are not read");
    });
    return f;
  }

  static RawFeed read(String xml, boolean namespaces) throws XMLStreamException {
    XMLStreamReader reader = (namespaces ? AWARE : PLAIN).createXMLStreamReader(new StringReader(xml));
    try {
      return new XmlFeedReader(reader, namespaces).document();
    } finally {
      reader.close();
    }
  }

  private RawFeed document() throws XMLStreamException {
    while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
      // prolog: comments, processing instructions, whitespace
    }
    if (!r.isStartElement()) {
      throw new FeedFormatException("The document is empty: no root element");
    }
    String root = local();
    String ns = ns();
    if (root.equalsIgnoreCase("rss")) {
      RawFeed feed = new RawFeed("rss " + attr("version", "2.0"));
      rssChannelParent(feed);
      return feed;
    }
    if (root.equals("RDF") && (ns.equals("rdf") || ns.isEmpty())) {
      RawFeed feed = new RawFeed("rdf");
      rssChannelParent(feed);
      return feed;
    }
    if (root.equals("feed") && (ns.equals("atom") || ns.isEmpty())) {
      String version = attr("version", null);
      RawFeed feed = new RawFeed(version != null && version.startsWith("0.") ? "atom " + version : "atom 1.0");
      atomFeed(feed);
      return feed;
    }
    throw new FeedFormatException("This is not a feed: the document's root element is <" + root + ">, not <rss>, <rdf:RDF> or <feed>");
  }

  // --- RSS 0.9x, 1.0 (RDF) and 2.0 ---

  /** The children of <rss> (a <channel>) or of <rdf:RDF> (a <channel>, and <item>s beside it). */
  private void rssChannelParent(RawFeed feed) throws XMLStreamException {
    while (nextChild()) {
      String name = local();
      if (name.equals("channel")) {
        rssChannel(feed);
      } else if (name.equals("item") && !isAtomOrExt()) {
        feed.items.add(rssItem(feed));
      } else if (name.equals("image") && ns().isEmpty()) {
        rssImage(feed);
      } else {
        skip();
      }
    }
  }

  private void rssChannel(RawFeed feed) throws XMLStreamException {
    while (nextChild()) {
      String ns = ns();
      String name = local();
      switch (ns + ":" + name) {
        case ":title" -> feed.title = text();
        case ":link" -> feed.siteUrl = first(feed.siteUrl, text());
        case ":description" -> feed.description = text();
        case ":language", "dc:language" -> feed.language = first(feed.language, text());
        case ":ttl" -> feed.ttl = text();
        case ":managingEditor", ":webMaster", "dc:creator", "dc:author", "itunes:author" -> feed.authors.add(RawFeed.person(text()));
        case ":pubDate", ":lastBuildDate", "dc:date" -> feed.updated = first(feed.updated, text());
        case ":image" -> rssImage(feed);
        case "itunes:image" -> {
          feed.imageUrl = first(feed.imageUrl, attr("href", null));
          skip();
        }
        case ":item" -> feed.items.add(rssItem(feed));
        case "atom:link" -> {
          String rel = attr("rel", "alternate");
          String href = attr("href", null);
          if (rel.equals("self")) {
            feed.feedUrl = first(feed.feedUrl, href);
          } else if (rel.equals("alternate")) {
            feed.altUrl = first(feed.altUrl, href);
          }
          skip();
        }
        case "dc:title" -> feed.altTitle = first(feed.altTitle, text());
        case "dc:description", "itunes:summary" -> feed.altDescription = first(feed.altDescription, text());
        default -> skip();
      }
    }
  }

  private void rssImage(RawFeed feed) throws XMLStreamException {
    while (nextChild()) {
      if (local().equals("url")) {
        feed.imageUrl = first(feed.imageUrl, text());
      } else {
        skip();
      }
    }
  }

  private RawFeed.Item rssItem(RawFeed feed) throws XMLStreamException {
    RawFeed.Item item = new RawFeed.Item();
    String about = attr("about", null);
    while (nextChild()) {
      String ns = ns();
      String name = local();
      switch (ns + ":" + name) {
        case ":title", "dc:title" -> item.title = first(item.title, plain());
        case ":link" -> item.link = first(item.link, text());
        case ":guid" -> {
          boolean permalink = !"false".equalsIgnoreCase(attr("isPermaLink", "true"));
          item.guid = text();
          if (permalink) {
            item.permalinkGuid = item.guid;
          }
        }
        case ":description", "dc:description", "itunes:summary" -> item.summary = first(item.summary, html());
        case "content:encoded", ":encoded" -> item.content = first(item.content, html());
        case ":author", "dc:creator", "dc:author", "itunes:author" -> {
          String who = text();
          if (item.authors.isEmpty() && who != null) {
            item.authors.add(RawFeed.person(who));
          }
        }
        case "atom:author" -> item.authors.add(atomPerson());
        case ":pubDate", "atom:published", "atom:issued" -> item.published = first(item.published, text());
        case "dc:date" -> {
          String date = text();
          item.published = first(item.published, date);
          item.updated = first(item.updated, date);
        }
        case "atom:updated", "atom:modified" -> item.updated = first(item.updated, text());
        case ":category", "dc:subject" -> RawFeed.addNonBlank(item.categories, text());
        case "itunes:keywords" -> {
          String words = text();
          if (words != null) {
            for (String w : words.split(",")) {
              RawFeed.addNonBlank(item.categories, w);
            }
          }
        }
        case "atom:category" -> {
          RawFeed.addNonBlank(item.categories, attr("term", null));
          skip();
        }
        case ":enclosure" -> {
          item.enclosures.add(new ParsedFeed.Enclosure(attr("url", null), attr("type", null), RawFeed.number(attr("length", null))));
          skip();
        }
        case "media:content", "media:thumbnail" -> {
          String medium = attr("medium", "");
          String type = attr("type", "");
          if (name.equals("thumbnail") || medium.equals("image") || type.startsWith("image/")) {
            item.imageUrl = first(item.imageUrl, attr("url", null));
          }
          skip();
        }
        case "itunes:image" -> {
          item.imageUrl = first(item.imageUrl, attr("href", null));
          skip();
        }
        case "atom:link" -> {
          String rel = attr("rel", "alternate");
          if (rel.equals("alternate")) {
            item.altLink = first(item.altLink, attr("href", null));
          }
          skip();
        }
        default -> skip();
      }
    }
    if (item.guid == null && about != null) {
      item.guid = about;
    }
    return item;
  }

  // --- Atom 0.3 and 1.0 ---

  private void atomFeed(RawFeed feed) throws XMLStreamException {
    String lang = attrNs("lang");
    feed.language = lang;
    while (nextChild()) {
      if (!isAtom()) {
        skip();
        continue;
      }
      switch (local()) {
        case "title" -> feed.title = atomPlain();
        case "subtitle", "tagline" -> feed.description = atomPlain();
        case "link" -> {
          String rel = attr("rel", "alternate");
          String href = attr("href", null);
          if (rel.equals("self")) {
            feed.feedUrl = first(feed.feedUrl, href);
          } else if (rel.equals("alternate")) {
            feed.siteUrl = first(feed.siteUrl, href);
          }
          skip();
        }
        case "author" -> feed.authors.add(atomPerson());
        case "updated", "modified" -> feed.updated = first(feed.updated, text());
        case "icon", "logo" -> feed.imageUrl = first(feed.imageUrl, text());
        case "entry" -> feed.items.add(atomEntry());
        default -> skip();
      }
    }
  }

  private RawFeed.Item atomEntry() throws XMLStreamException {
    RawFeed.Item item = new RawFeed.Item();
    while (nextChild()) {
      if (!isAtom()) {
        if (ns().equals("media") && (local().equals("thumbnail") || local().equals("content"))) {
          item.imageUrl = first(item.imageUrl, attr("url", null));
        }
        skip();
        continue;
      }
      switch (local()) {
        case "id" -> item.guid = text();
        case "title" -> item.title = atomPlain();
        case "link" -> {
          String rel = attr("rel", "alternate");
          String href = attr("href", null);
          if (rel.equals("alternate")) {
            item.link = first(item.link, href);
          } else if (rel.equals("enclosure")) {
            item.enclosures.add(new ParsedFeed.Enclosure(href, attr("type", null), RawFeed.number(attr("length", null))));
          }
          skip();
        }
        case "summary" -> item.summary = atomHtml();
        case "content" -> item.content = atomHtml();
        case "author" -> item.authors.add(atomPerson());
        case "published", "issued" -> item.published = first(item.published, text());
        case "updated", "modified" -> item.updated = first(item.updated, text());
        case "category" -> {
          RawFeed.addNonBlank(item.categories, attr("term", null));
          skip();
        }
        default -> skip();
      }
    }
    return item;
  }

  private ParsedFeed.Author atomPerson() throws XMLStreamException {
    String name = null;
    String email = null;
    String uri = null;
    while (nextChild()) {
      switch (local()) {
        case "name" -> name = text();
        case "email" -> email = text();
        case "uri", "url" -> uri = text();
        default -> skip();
      }
    }
    return new ParsedFeed.Author(name, email, uri);
  }

  /** An Atom text construct as plain text. */
  private String atomPlain() throws XMLStreamException {
    String type = attr("type", "text");
    String mode = attr("mode", "");
    Content c = content();
    if (c.elements) {
      return RawFeed.blankToNull(c.text.strip());
    }
    return type.contains("html") || mode.equals("escaped") ? RawFeed.htmlToText(c.text) : RawFeed.blankToNull(c.text.strip());
  }

  /** An Atom text construct as HTML (not yet sanitised). */
  private String atomHtml() throws XMLStreamException {
    String type = attr("type", "text");
    String mode = attr("mode", "");
    Content c = content();
    if (c.elements) {
      return c.markup;
    }
    if (type.contains("html") || mode.equals("escaped") || mode.equals("xml")) {
      return RawFeed.blankToNull(c.text.strip());
    }
    return RawFeed.blankToNull(RawFeed.escape(c.text.strip()));
  }

  // --- the cursor ---

  /** Moves to the next child element of the current one; false at the parent's end. */
  private boolean nextChild() throws XMLStreamException {
    while (r.hasNext()) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        return true;
      }
      if (event == XMLStreamConstants.END_ELEMENT) {
        return false;
      }
    }
    return false;
  }

  private void skip() throws XMLStreamException {
    int depth = 1;
    while (depth > 0 && r.hasNext()) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  private record Content(String text, String markup, boolean elements) {}

  /**
   * The element's content: all text, and the inner markup when it holds elements (naked HTML, Atom
   * xhtml). The markup is only written from the first element on (the text before it, escaped, is
   * the same markup): most content is text or CDATA, which then is never escaped.
   */
  private Content content() throws XMLStreamException {
    String only = null; // the usual case, one text or CDATA event: kept as the parser's string, not copied
    StringBuilder text = null;
    StringBuilder markup = null;
    int depth = 1;
    while (depth > 0 && r.hasNext()) {
      switch (r.next()) {
        case XMLStreamConstants.START_ELEMENT -> {
          depth++;
          if (markup == null) {
            markup = new StringBuilder(256).append(RawFeed.escape(text != null ? text.toString() : only != null ? only : ""));
          }
          markup.append('<').append(local());
          for (int i = 0; i < r.getAttributeCount(); i++) {
            markup.append(' ').append(r.getAttributeLocalName(i)).append("=\"").append(RawFeed.escape(r.getAttributeValue(i))).append('"');
          }
          markup.append('>');
        }
        case XMLStreamConstants.END_ELEMENT -> {
          depth--;
          if (depth > 0) {
            markup.append("</").append(local()).append('>');
          }
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (only == null && text == null) {
            only = r.getText();
          } else {
            text = text != null ? text : new StringBuilder(only.length() + 256).append(only);
            text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
          }
          if (markup != null) {
            markup.append(RawFeed.escape(r.getText()));
          }
        }
        case XMLStreamConstants.ENTITY_REFERENCE -> {
          // not replaced (no DTD): keep the name visible rather than losing text
          text = text != null ? text : new StringBuilder(only != null ? only : "");
          text.append('&').append(r.getLocalName()).append(';');
          if (markup != null) {
            markup.append("&amp;").append(r.getLocalName()).append(';');
          }
        }
        default -> {
          // comments and processing instructions are not content
        }
      }
    }
    String all = text != null ? text.toString() : only != null ? only : "";
    return new Content(all, markup == null ? "" : markup.toString(), markup != null);
  }

  /** The element's text, trimmed; null when empty. */
  private String text() throws XMLStreamException {
    return RawFeed.blankToNull(content().text.strip());
  }

  /** Plain text: the text of any naked markup without its tags. */
  private String plain() throws XMLStreamException {
    return text();
  }

  /** HTML: naked markup as it stands, otherwise the (unescaped) text, which is HTML source. */
  private String html() throws XMLStreamException {
    Content c = content();
    return RawFeed.blankToNull((c.elements ? c.markup : c.text).strip());
  }

  private String local() {
    String name = r.getLocalName();
    int colon = aware ? -1 : name.indexOf(':');
    return colon < 0 ? name : name.substring(colon + 1);
  }

  private String ns() {
    if (aware) {
      return Namespaces.key(r.getNamespaceURI());
    }
    String name = r.getLocalName();
    int colon = name.indexOf(':');
    return colon < 0 ? "" : Namespaces.keyForPrefix(name.substring(0, colon));
  }

  private boolean isAtom() {
    String ns = ns();
    return ns.isEmpty() || ns.equals("atom");
  }

  private boolean isAtomOrExt() {
    return !ns().isEmpty() && !ns().equals("rdf");
  }

  private String attr(String name, String fallback) {
    for (int i = 0; i < r.getAttributeCount(); i++) {
      String n = r.getAttributeLocalName(i);
      int colon = aware ? -1 : n.indexOf(':');
      if ((colon < 0 ? n : n.substring(colon + 1)).equals(name)) {
        String v = r.getAttributeValue(i).strip();
        return v.isEmpty() ? fallback : v;
      }
    }
    return fallback;
  }

  private String attrNs(String name) {
    return attr(name, null);
  }

  private static String first(String current, String candidate) {
    return current != null ? current : candidate;
  }

  /** Canonical keys for the namespaces feeds use. */
  static final class Namespaces {
    private Namespaces() {}

    static String key(String uri) {
      if (uri == null) {
        return "";
      }
      String u = uri.strip().toLowerCase(Locale.ROOT);
      return switch (u) {
        case "", "http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/", "http://backend.userland.com/rss2" -> "";
        case "http://www.w3.org/2005/atom", "http://purl.org/atom/ns#" -> "atom";
        case "http://purl.org/dc/elements/1.1/", "http://purl.org/dc/terms/" -> "dc";
        case "http://purl.org/rss/1.0/modules/content/" -> "content";
        case "http://www.itunes.com/dtds/podcast-1.0.dtd" -> "itunes";
        case "http://search.yahoo.com/mrss/", "http://search.yahoo.com/mrss" -> "media";
        case "http://www.w3.org/1999/02/22-rdf-syntax-ns#" -> "rdf";
        default -> u;
      };
    }

    static String keyForPrefix(String prefix) {
      String p = prefix.toLowerCase(Locale.ROOT);
      return switch (p) {
        case "dc", "dcterms" -> "dc";
        case "atom", "atom10", "atom03" -> "atom";
        default -> p;
      };
    }
  }
}
