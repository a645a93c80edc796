package org.socius.feeds.internal.parse;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Writes a cleaned tree (elements and text only) the way jsoup writes it without pretty-printing,
 * in one pass and without jsoup's per-character encoder checks: &amp;, &lt;, &gt; and no-break
 * spaces as entities (and &quot; in attributes), everything else as it is. For the characters that
 * jsoup writes as numeric references (control characters, unpaired surrogates) it answers null,
 * and for attributes jsoup might write by name alone (empty, or valued as their name), and the
 * caller lets jsoup write the tree.
 */
final class HtmlWriter implements NodeVisitor {

  private final StringBuilder out;
  private boolean odd;

  private HtmlWriter(int capacity) {
    this.out = new StringBuilder(capacity);
  }

  /** The inner HTML of root, or null when it holds a character left to jsoup. */
  static String inner(Element root, int capacity) {
    HtmlWriter w = new HtmlWriter(capacity);
    for (Node child : root.childNodes()) {
      NodeTraversor.traverse(w, child);
      if (w.odd) {
        return null;
      }
    }
    return w.out.toString();
  }

  @Override
  public void head(Node node, int depth) {
    if (node instanceof TextNode t) {
      escape(t.getWholeText(), false);
    } else if (node instanceof Element el) {
      if (el.normalName().equals("pre") && el.firstChild() instanceof TextNode t && (t.getWholeText().startsWith("\n") || t.getWholeText().startsWith("\r"))) {
        odd = true; // jsoup writes one more newline there, so that reading it back keeps the text's own
      } else if (!Parser.NamespaceHtml.equals(el.tag().namespace())) {
        odd = true; // an element read inside SVG or MathML, which jsoup may write self-closed
      }
      out.append('<').append(el.tagName());
      for (Attribute a : el.attributes()) {
        if (a.getValue().isEmpty() || a.getValue().equalsIgnoreCase(a.getKey())) {
          odd = true; // jsoup may write a boolean attribute by its name alone
        }
        out.append(' ').append(a.getKey()).append("=\"");
        escape(a.getValue(), true);
        out.append('"');
      }
      out.append('>');
    } else {
      odd = true; // the cleaner leaves only elements and text
    }
  }

  @Override
  public void tail(Node node, int depth) {
    if (node instanceof Element el && !el.tag().isEmpty()) {
      out.append("</").append(el.tagName()).append('>');
    }
  }

  private void escape(String s, boolean attribute) {
    if (!escape(out, s, attribute)) {
      odd = true;
    }
  }

  /** Appends text as jsoup writes it; false when it holds a character jsoup writes as a numeric reference. */
  static boolean escape(StringBuilder to, String s, boolean attribute) {
    int len = s.length();
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      if (Character.isSurrogate(c)) {
        if (!Character.isHighSurrogate(c) || i + 1 >= len || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false; // a lone half
        }
        to.append(c).append(s.charAt(++i));
      } else if (!escape(to, c, attribute)) {
        return false;
      }
    }
    return true;
  }

  /** Appends one character that is not half of a pair as jsoup writes it; false for those it writes as numeric references. */
  static boolean escape(StringBuilder to, char c, boolean attribute) {
    switch (c) {
      case '&' -> to.append("&amp;");
      case '<' -> to.append("&lt;");
      case '>' -> to.append("&gt;");
      case '\u00a0' -> to.append("&nbsp;");
      case '"' -> to.append(attribute ? "&quot;" : "\"");
      default -> {
        if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
          return false;
        }
        to.append(c);
      }
    }
    return true;
  }
}
