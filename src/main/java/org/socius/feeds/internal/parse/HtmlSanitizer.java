package org.socius.feeds.internal.parse;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;

/**
 * Feed HTML through an allow-list (jsoup's relaxed list: text structure, links, images, tables)
 * before it is stored: no script, style, SVG, form, frame or base element, no event handler or
 * style attribute, and only http, https and mailto links. Relative links become absolute against
 * the item's address; every link opens without telling the site where the reader came from.
 *
 * <p>Markup whose tree is plain (most blog HTML) is cleaned by {@link OnePassSanitizer} without
 * building a tree. The rest is parsed by jsoup and cleaned as jsoup's {@code Cleaner} cleans with
 * the same list (the tests compare all three), in one pass over the parsed tree instead of copying it: unsafe elements are unwrapped (their text
 * stays), script and style data, comments and CDATA markers go, unsafe attributes go. Link
 * attributes are checked here rather than by the list, because jsoup resolves every one through
 * {@code java.net.URL}, which for an unknown scheme (javascript:, data:) searches the class path.
 */
public final class HtmlSanitizer {

  static final Safelist ALLOWED = Safelist.relaxed()
      .addTags("figure", "figcaption", "hr", "abbr", "mark", "s", "del", "ins", "time")
      .addAttributes("abbr", "title")
      .addAttributes("time", "datetime")
      .addEnforcedAttribute("a", "rel", "noopener noreferrer")
      .removeProtocols("a", "href", "ftp");

  /** The attributes of ALLOWED that hold addresses, with the schemes allowed there (as in the list). */
  static final Map<String, Map<String, Set<String>>> LINKS = Map.of(
      "a", Map.of("href", Set.of("http", "https", "mailto")),
      "img", Map.of("src", Set.of("http", "https")),
      "blockquote", Map.of("cite", Set.of("http", "https")),
      "q", Map.of("cite", Set.of("http", "https")));

  private static final Pattern EXTRA_DOT_SEGMENTS = Pattern.compile("^/((\\.{1,2}/)+)");

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
    Base base = new Base(baseUrl == null ? "" : baseUrl);
    String written = OnePassSanitizer.sanitize(html, base);
    if (written == null) {
      written = withJsoup(html, base);
    }
    String clean = written.strip();
    return clean.isEmpty() ? null : clean;
  }

  /** jsoup's HTML5 tree builder reads the markup (as browsers do), and the tree is cleaned in place. */
  private static String withJsoup(String html, Base base) {
    Document doc = Jsoup.parseBodyFragment(html, base.text);
    doc.outputSettings(COMPACT);
    Element body = doc.body();
    List<Element> elements = body.getAllElements(); // collected first: unwrapping moves nodes, never loses one
    for (Element el : elements) {
      keepOnlyText(el);
      if (el == body) {
        continue;
      }
      if (ALLOWED.isSafeTag(el.normalName())) {
        keepSafeAttributes(el, base);
      } else {
        el.unwrap();
      }
    }
    String written = HtmlWriter.inner(body, html.length());
    return written != null ? written : body.html();
  }

  /** Among the element's own child nodes, text stays (CDATA as plain text); data, comments and declarations go. */
  private static void keepOnlyText(Element el) {
    for (int i = el.childNodeSize() - 1; i >= 0; i--) {
      Node n = el.childNode(i);
      if (n instanceof CDataNode c) {
        n.replaceWith(new TextNode(c.getWholeText()));
      } else if (!(n instanceof Element) && !(n instanceof TextNode)) {
        n.remove();
      }
    }
  }

  private static void keepSafeAttributes(Element el, Base base) {
    String tag = el.tagName();
    Map<String, Set<String>> links = LINKS.getOrDefault(el.normalName(), Map.of());
    for (Iterator<Attribute> it = el.attributes().iterator(); it.hasNext(); ) {
      Attribute a = it.next();
      Set<String> schemes = links.get(a.getKey());
      if (schemes != null) {
        String url = base.resolve(a.getValue(), schemes);
        if (url == null) {
          it.remove();
        } else {
          a.setValue(url);
        }
      } else if (!ALLOWED.isSafeAttribute(tag, el, a)) {
        it.remove();
      } else if (!a.hasDeclaredValue()) {
        a.setValue(""); // written alt="" as the Cleaner writes it, not as a bare name
      }
    }
    el.attributes().addAll(ALLOWED.getEnforcedAttributes(tag));
  }

  /** The item's address, read once per document, and links resolved against it the way jsoup resolves them. */
  static final class Base {
    private final String text;
    private URL url;
    private String origin;
    private boolean read;

    Base(String text) {
      this.text = text;
    }

    /** The absolute address, or null when it is none or its scheme is not one of schemes. */
    String resolve(String value, Set<String> schemes) {
      String v = withoutControlChars(value).strip();
      String scheme = scheme(v);
      if (scheme != null && !schemes.contains(scheme)) {
        return null; // javascript:, data:, vbscript: and the like, never resolved
      }
      String abs;
      if (simpleAbsolute(v, scheme)) {
        abs = v; // what java.net.URL would give back
      } else {
        abs = jsoupResolve(v);
      }
      if (abs.isEmpty()) {
        return null;
      }
      String lower = abs.toLowerCase(Locale.ROOT);
      for (String s : schemes) {
        if (lower.startsWith(s + ":") && lower.length() > s.length() + 1) {
          return abs;
        }
      }
      return null;
    }

    private String jsoupResolve(String v) {
      if (!read) {
        read = true;
        try {
          url = text.isEmpty() ? null : new URL(withoutControlChars(text));
        } catch (MalformedURLException e) {
          url = null;
        }
        if (url != null && (url.getProtocol().equals("http") || url.getProtocol().equals("https"))
            && url.getHost().matches("[A-Za-z0-9.-]+")) {
          origin = url.getProtocol() + "://" + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort());
        }
      }
      if (url == null) {
        return StringUtil.resolve(text, v);
      }
      if (origin != null && rootRelative(v)) {
        return origin + v; // what the steps below give for a plain path from the root, without three URL objects
      }
      try {
        // jsoup's StringUtil.resolve(URL, String) without its regular expression for control characters (gone already)
        String rel = v.startsWith("?") ? url.getPath() + v : v;
        URL resolved = new URL(url, rel);
        String file = resolved.getFile();
        if (file.startsWith("/./") || file.startsWith("/../")) {
          file = EXTRA_DOT_SEGMENTS.matcher(file).replaceFirst("/");
        }
        if (resolved.getRef() != null) {
          file = file + "#" + resolved.getRef();
        }
        URL clean = new URL(resolved.getProtocol(), resolved.getHost(), resolved.getPort(), file);
        if (clean.getHost().isEmpty() && (clean.getProtocol().equals("http") || clean.getProtocol().equals("https"))) {
          return ""; // "https://" and the like: jsoup refuses a web address without a host
        }
        return clean.toExternalForm();
      } catch (MalformedURLException e) {
        String lower = v.toLowerCase(Locale.ROOT);
        return v.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") && !lower.startsWith("http:") && !lower.startsWith("https:") ? v : "";
      }
    }
  }

  /** A path from the root ("/a/b?c#d") that java.net.URL takes as it is: no dot segments, nothing to encode or rewrite. */
  static boolean rootRelative(String v) {
    if (!v.startsWith("/") || v.startsWith("//") || v.contains("/.")) {
      return false;
    }
    for (int i = 1; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c <= ' ' || c >= 0x7f || c == '\\') {
        return false;
      }
    }
    return true;
  }

  /** The scheme as java.net.URL reads it (lower case), or null for a relative address. */
  static String scheme(String v) {
    int start = v.regionMatches(true, 0, "url:", 0, 4) ? 4 : 0;
    if (start < v.length() && v.charAt(start) == '#') {
      return null;
    }
    for (int i = start; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '/') {
        return null;
      }
      if (c == ':') {
        String s = v.substring(start, i).toLowerCase(Locale.ROOT);
        return validScheme(s) ? s : null;
      }
    }
    return null;
  }

  private static boolean validScheme(String s) {
    if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isLetterOrDigit(c) && c != '.' && c != '+' && c != '-') {
        return false;
      }
    }
    return true;
  }

  /** An http(s) address that java.net.URL and jsoup hand back unchanged: no user part, no dot segments, nothing odd. */
  static boolean simpleAbsolute(String v, String scheme) {
    int start;
    if (v.startsWith("https://") && "https".equals(scheme)) {
      start = 8;
    } else if (v.startsWith("http://") && "http".equals(scheme)) {
      start = 7;
    } else {
      return false;
    }
    int hostEnd = start;
    while (hostEnd < v.length() && "/?#".indexOf(v.charAt(hostEnd)) < 0) {
      char c = v.charAt(hostEnd);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-')) {
        return false; // user part, port, IPv6 or unusual host: let URL decide
      }
      hostEnd++;
    }
    if (hostEnd == start || v.indexOf("/.", hostEnd) >= 0) {
      return false; // dot segments: URL may rewrite them
    }
    for (int i = hostEnd; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c <= ' ' || c >= 0x7f || c == '\\') {
        return false;
      }
    }
    return true;
  }

  /** Without the characters 0–31, as jsoup and browsers read addresses. */
  static String withoutControlChars(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < 0x20) {
        StringBuilder b = new StringBuilder(s.length());
        for (int j = 0; j < s.length(); j++) {
          if (s.charAt(j) >= 0x20) {
            b.append(s.charAt(j));
          }
        }
        return b.toString();
      }
    }
    return s;
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
