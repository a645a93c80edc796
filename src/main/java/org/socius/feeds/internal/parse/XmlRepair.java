package org.socius.feeds.internal.parse;

import org.jsoup.nodes.Entities;

/**
 * The second chance for XML that a strict parser refuses, the way feeds are often broken: text
 * before the root, a DOCTYPE (dropped, never read), bare ampersands, and HTML entities such as
 * {@code &nbsp;} that XML does not know (turned into the characters they name), control characters
 * XML does not allow (dropped). CDATA sections
 * and comments are left as they are.
 */
final class XmlRepair {

  private XmlRepair() {}

  static String repair(String xml) {
    int start = xml.indexOf('<');
    String s = start < 0 ? xml : xml.substring(start);
    StringBuilder out = new StringBuilder(s.length() + 64);
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '<' && s.startsWith("<![CDATA[", i)) {
        i = copyUntil(s, i, "]]>", out);
      } else if (c == '<' && s.startsWith("<!--", i)) {
        i = copyUntil(s, i, "-->", out);
      } else if (c == '<' && s.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
        i = skipDoctype(s, i);
      } else if (c == '&') {
        i = entity(s, i, out);
      } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == '\uFFFE' || c == '\uFFFF') {
        i++; // not allowed in XML 1.0, even as a reference
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static int copyUntil(String s, int i, String end, StringBuilder out) {
    int close = s.indexOf(end, i);
    int stop = close < 0 ? s.length() : close + end.length();
    out.append(s, i, stop);
    return stop;
  }

  private static int skipDoctype(String s, int i) {
    int depth = 0;
    for (int j = i; j < s.length(); j++) {
      char c = s.charAt(j);
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      } else if (c == '>' && depth <= 0) {
        return j + 1;
      }
    }
    return s.length();
  }

  private static int entity(String s, int i, StringBuilder out) {
    int semi = -1;
    for (int j = i + 1; j < s.length() && j < i + 34; j++) {
      char c = s.charAt(j);
      if (c == ';') {
        semi = j;
        break;
      }
      if (!Character.isLetterOrDigit(c) && c != '#') {
        break;
      }
    }
    if (semi < 0) {
      out.append("&amp;");
      return i + 1;
    }
    String name = s.substring(i + 1, semi);
    if (name.matches("#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos")) {
      out.append(s, i, semi + 1);
    } else if (Entities.isNamedEntity(name)) {
      String chars = Entities.getByName(name);
      chars.codePoints().forEach(cp -> out.append("&#").append(cp).append(';'));
    } else {
      out.append("&amp;");
      return i + 1;
    }
    return semi + 1;
  }
}
