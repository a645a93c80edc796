package org.socius.feeds.internal.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.owasp.html.Handler;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlStreamEventReceiver;
import org.owasp.html.HtmlStreamRenderer;
import org.owasp.html.PolicyFactory;

/**
 * HtmlSanitizer's allow-list (jsoup's relaxed list and its additions) over OWASP's streaming
 * sanitiser, which lexes the HTML and balances tags without building a tree; links resolved and
 * given rel as HtmlSanitizer does. Measured against HtmlSanitizer by
 * org.socius.bench.SanitiserComparison (docs/benchmarks.md, "Feed parsing"); not used by Socius.
 */
public final class OwaspSanitizer {

  static final Set<String> TAGS = Set.of("a", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "div",
      "dl", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "i", "img", "li", "ol", "p", "pre", "q", "small", "span", "strike",
      "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
      "figure", "figcaption", "hr", "abbr", "mark", "s", "del", "ins", "time");

  static final Map<String, Set<String>> ATTRIBUTES = Map.ofEntries(
      Map.entry("a", Set.of("href", "title")),
      Map.entry("blockquote", Set.of("cite")),
      Map.entry("col", Set.of("span", "width")),
      Map.entry("colgroup", Set.of("span", "width")),
      Map.entry("img", Set.of("align", "alt", "height", "src", "title", "width")),
      Map.entry("ol", Set.of("start", "type")),
      Map.entry("q", Set.of("cite")),
      Map.entry("table", Set.of("summary", "width")),
      Map.entry("td", Set.of("abbr", "axis", "colspan", "rowspan", "width")),
      Map.entry("th", Set.of("abbr", "axis", "colspan", "rowspan", "scope", "width")),
      Map.entry("ul", Set.of("type")),
      Map.entry("abbr", Set.of("title")),
      Map.entry("time", Set.of("datetime")));

  private static final PolicyFactory POLICY = policy();

  private static PolicyFactory policy() {
    HtmlPolicyBuilder b = new HtmlPolicyBuilder().allowElements(TAGS.toArray(String[]::new))
        .allowUrlProtocols("http", "https", "mailto").allowWithoutAttributes("span", "a");
    ATTRIBUTES.forEach((tag, attrs) -> b.allowAttributes(attrs.toArray(String[]::new)).onElements(tag));
    return b.toFactory();
  }

  private OwaspSanitizer() {}

  /** Safe HTML for the untrusted input; null stays null. */
  public static String sanitize(String html, String baseUrl) {
    if (html == null || html.isBlank()) {
      return null;
    }
    if (HtmlSanitizer.plain(html)) {
      String t = html.strip().replace(">", "&gt;");
      return t.isEmpty() ? null : t;
    }
    StringBuilder out = new StringBuilder(html.length());
    HtmlStreamRenderer renderer = HtmlStreamRenderer.create(out, Handler.DO_NOTHING);
    org.owasp.html.HtmlSanitizer.sanitize(html, POLICY.apply(new Resolver(renderer, baseUrl == null ? "" : baseUrl)));
    String clean = out.toString().strip();
    return clean.isEmpty() ? null : clean;
  }

  /** Between the policy and the writer: link attributes made absolute against the item (or dropped), rel on every link. */
  private static final class Resolver implements HtmlStreamEventReceiver {
    private final HtmlStreamEventReceiver out;
    private final HtmlSanitizer.Base base;

    Resolver(HtmlStreamEventReceiver out, String base) {
      this.out = out;
      this.base = new HtmlSanitizer.Base(base);
    }

    @Override
    public void openDocument() {
      out.openDocument();
    }

    @Override
    public void closeDocument() {
      out.closeDocument();
    }

    @Override
    public void openTag(String name, List<String> attrs) {
      Map<String, Set<String>> links = HtmlSanitizer.LINKS.get(name);
      if (links != null) {
        List<String> kept = new ArrayList<>(attrs.size() + 2);
        for (int i = 0; i + 1 < attrs.size(); i += 2) {
          String key = attrs.get(i);
          String value = attrs.get(i + 1);
          Set<String> schemes = links.get(key);
          if (schemes != null) {
            value = base.resolve(value, schemes);
          }
          if (value != null && !key.equals("rel")) {
            kept.add(key);
            kept.add(value);
          }
        }
        if (name.equals("a")) {
          kept.add("rel");
          kept.add("noopener noreferrer");
        }
        attrs = kept;
      }
      out.openTag(name, attrs);
    }

    @Override
    public void closeTag(String name) {
      out.closeTag(name);
    }

    @Override
    public void text(String text) {
      out.text(text);
    }
  }
}
