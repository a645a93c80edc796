package org.socius.networks.internal.mastodon;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeVisitor;

/**
 * Mastodon sends bios and posts as HTML written by anyone on the fediverse. This keeps an
 * allow-list of harmless markup (paragraphs, line breaks, emphasis, lists, http(s) links with
 * {@code rel="nofollow noopener noreferrer"}) and turns the rest into text; and it gives the
 * plain text of the same HTML, with paragraphs and line breaks kept.
 */
final class Html {

  private static final Safelist SAFE = new Safelist()
      .addTags("p", "br", "a", "span", "b", "strong", "i", "em", "u", "s", "del", "code", "pre", "blockquote", "ul", "ol", "li")
      .addAttributes("a", "href")
      .addProtocols("a", "href", "http", "https")
      .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");

  private Html() {}

  static String sanitise(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    Document.OutputSettings out = new Document.OutputSettings().prettyPrint(false);
    return Jsoup.clean(html, "", SAFE, out);
  }

  /** The text a reader sees: paragraphs separated by a blank line, {@code <br>} as a line break. */
  static String text(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    Element body = Jsoup.parseBodyFragment(html).body();
    StringBuilder text = new StringBuilder();
    body.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode t) {
          text.append(t.getWholeText().replaceAll("\\s+", " "));
        } else if (node instanceof Element e) {
          switch (e.normalName()) {
            case "br" -> text.append('\n');
            case "p", "blockquote", "pre", "ul", "ol" -> breakBefore(text, "\n\n");
            case "li" -> breakBefore(text, "\n");
            default -> { }
          }
        }
      }

      @Override
      public void tail(Node node, int depth) {}
    });
    return text.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n[ \\t]+", "\n").strip();
  }

  private static void breakBefore(StringBuilder text, String separator) {
    if (text.length() == 0) {
      return;
    }
    while (text.length() > 0 && text.charAt(text.length() - 1) == ' ') {
      text.setLength(text.length() - 1);
    }
    int trailing = 0;
    for (int i = text.length() - 1; i >= 0 && text.charAt(i) == '\n'; i--) {
      trailing++;
    }
    text.append("\n".repeat(Math.max(0, separator.length() - trailing)));
  }
}
