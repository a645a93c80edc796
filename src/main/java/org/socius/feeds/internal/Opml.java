package org.socius.feeds.internal;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.socius.platform.DomainException;

/**
 * OPML 2.0 subscription lists. Reading takes every outline with an {@code xmlUrl}; its
 * categories are the titles of the outlines around it and its {@code category} attribute.
 * Writing puts each feed under each of its categories (a feed may sit in several), so that a
 * file written here and read again gives the same subscriptions in the same categories. The
 * reader is as guarded as the feed parser: no DTD, no entities.
 */
public final class Opml {

  public record Entry(String title, String xmlUrl, String htmlUrl, List<String> categories) {}

  private static final XMLInputFactory FACTORY = factory();

  private Opml() {}

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    return f;
  }

  /** The feeds of the file, merged by address (categories from every place a feed appears). */
  public static List<Entry> read(byte[] body) {
    Map<String, Entry> byUrl = new LinkedHashMap<>();
    Deque<String> folders = new ArrayDeque<>();
    Deque<Boolean> pushed = new ArrayDeque<>();
    boolean sawOpml = false;
    try {
      XMLStreamReader r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          String name = r.getLocalName();
          if (name.equalsIgnoreCase("opml")) {
            sawOpml = true;
          }
          if (!name.equalsIgnoreCase("outline")) {
            continue;
          }
          String xmlUrl = attr(r, "xmlUrl");
          String title = attr(r, "title") != null ? attr(r, "title") : attr(r, "text");
          if (xmlUrl != null) {
            List<String> categories = new ArrayList<>(folders);
            String attr = attr(r, "category");
            if (attr != null) {
              for (String c : attr.split(",")) {
                String last = c.strip().replaceAll("^/+|/+$", "");
                if (!last.isEmpty()) {
                  categories.add(last.contains("/") ? last.substring(last.lastIndexOf('/') + 1) : last);
                }
              }
            }
            Entry before = byUrl.get(xmlUrl);
            List<String> merged = new ArrayList<>(before == null ? List.of() : before.categories());
            categories.stream().filter(c -> !merged.contains(c)).forEach(merged::add);
            byUrl.put(xmlUrl, new Entry(before != null && before.title() != null ? before.title() : title, xmlUrl,
                attr(r, "htmlUrl"), List.copyOf(merged)));
            pushed.push(false);
          } else {
            boolean folder = title != null && !title.isBlank();
            if (folder) {
              folders.addLast(title.strip());
            }
            pushed.push(folder);
          }
        } else if (event == XMLStreamConstants.END_ELEMENT && r.getLocalName().equalsIgnoreCase("outline")) {
          if (!pushed.isEmpty() && pushed.pop()) {
            folders.removeLast();
          }
        }
      }
    } catch (XMLStreamException e) {
      String m = e.getMessage() == null ? "" : e.getMessage();
      int at = m.indexOf("Message: ");
      throw new DomainException.Invalid("file", "feeds.problem.opml", at >= 0 ? m.substring(at + 9).strip() : m);
    }
    if (!sawOpml) {
      throw new DomainException.Invalid("file", "feeds.problem.opml", "there is no <opml> element");
    }
    return List.copyOf(byUrl.values());
  }

  private static String attr(XMLStreamReader r, String name) {
    for (int i = 0; i < r.getAttributeCount(); i++) {
      if (r.getAttributeLocalName(i).equalsIgnoreCase(name)) {
        String v = r.getAttributeValue(i).strip();
        return v.isEmpty() ? null : v;
      }
    }
    return null;
  }

  /** An OPML 2.0 document of the subscriptions: uncategorised feeds at the top, the rest under each of their categories. */
  public static String write(String title, List<Subscription> subscriptions, Instant now) {
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n");
    out.append("    <title>").append(esc(title)).append("</title>\n");
    out.append("    <dateCreated>").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atOffset(ZoneOffset.UTC)))
        .append("</dateCreated>\n  </head>\n  <body>\n");
    Map<String, List<Subscription>> byCategory = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Subscription s : subscriptions) {
      if (s.categories().isEmpty()) {
        outline(out, s, "    ");
      }
      for (String c : s.categories()) {
        byCategory.computeIfAbsent(c, k -> new ArrayList<>()).add(s);
      }
    }
    byCategory.forEach((category, subs) -> {
      out.append("    <outline text=\"").append(esc(category)).append("\" title=\"").append(esc(category)).append("\">\n");
      subs.forEach(s -> outline(out, s, "      "));
      out.append("    </outline>\n");
    });
    return out.append("  </body>\n</opml>\n").toString();
  }

  private static void outline(StringBuilder out, Subscription s, String indent) {
    out.append(indent).append("<outline type=\"rss\" text=\"").append(esc(s.name())).append("\" title=\"").append(esc(s.name()))
        .append("\" xmlUrl=\"").append(esc(s.feed().url())).append('"');
    if (!s.feed().siteUrl().isBlank()) {
      out.append(" htmlUrl=\"").append(esc(s.feed().siteUrl())).append('"');
    }
    out.append("/>\n");
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
