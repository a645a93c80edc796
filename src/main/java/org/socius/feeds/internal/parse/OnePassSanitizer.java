package org.socius.feeds.internal.parse;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * HtmlSanitizer's allow-list applied in one pass over the text, without building a tree, for
 * markup whose tree is plain: elements closed in the order they were opened (or left open at the
 * end), nothing the HTML parser would have to repair or read in a special mode. For such markup
 * it answers exactly what the jsoup path answers (the tests compare the two over the feed corpus,
 * realistic blog HTML, crafted cases and thousands of mutated documents); for anything else —
 * misnested or implied tags, tables, forms, foreign content, legacy entities, odd characters —
 * it answers null and the caller takes the jsoup path.
 *
 * <p>Whatever the input, the output is safe on its own: it holds only allowed elements and
 * attributes, every text and value escaped, and every element it opens is closed. A
 * misjudgement here can change how faithfully an item reads, never what can run.
 *
 * <p>It exists because the parse benchmark showed jsoup's tree building at about three quarters
 * of the time of parsing a feed with blog-sized items (docs/benchmarks.md, "Feed parsing").
 */
final class OnePassSanitizer {

  private enum Kind { ORDINARY, CLOSES_P, HEADING, LIST_ITEM, DEFINITION, LINK, VOID, VOID_CLOSES_P, PRE, SCRIPT, RAW_TEXT, REFUSED }

  private static final Map<String, Kind> KINDS = new HashMap<>();

  static {
    for (String t : ("address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer header"
        + " hgroup main menu nav ol p search section summary ul").split(" ")) {
      KINDS.put(t, Kind.CLOSES_P);
    }
    for (String t : "h1 h2 h3 h4 h5 h6".split(" ")) {
      KINDS.put(t, Kind.HEADING);
    }
    for (String t : "area br embed img wbr input param source track base basefont bgsound link meta".split(" ")) {
      KINDS.put(t, Kind.VOID);
    }
    // Elements with their own insertion modes, implied ends, scoping or text modes: the tree builder decides.
    for (String t : ("html head body frameset frame form button select option optgroup datalist textarea title xmp noembed"
        + " noframes noscript plaintext table caption col colgroup tbody td tfoot th thead tr template svg math image isindex"
        + " nobr applet marquee object rb rp rt rtc listing menuitem keygen").split(" ")) {
      KINDS.put(t, Kind.REFUSED);
    }
    KINDS.put("li", Kind.LIST_ITEM);
    KINDS.put("dd", Kind.DEFINITION);
    KINDS.put("dt", Kind.DEFINITION);
    KINDS.put("a", Kind.LINK);
    KINDS.put("hr", Kind.VOID_CLOSES_P);
    KINDS.put("pre", Kind.PRE);
    KINDS.put("script", Kind.SCRIPT);
    KINDS.put("style", Kind.RAW_TEXT);
    KINDS.put("iframe", Kind.RAW_TEXT);
  }

  /** Attributes jsoup writes by name alone when empty or valued as their name; none is allowed today, but if one ever is, jsoup decides. */
  private static final Set<String> BOOLEAN_ATTRIBUTES = Set.of("allowfullscreen", "async", "autofocus", "checked", "compact", "declare",
      "default", "defer", "disabled", "formnovalidate", "hidden", "inert", "ismap", "itemscope", "multiple", "muted", "nohref",
      "noresize", "noshade", "novalidate", "nowrap", "open", "readonly", "required", "reversed", "seamless", "selected", "sortable",
      "truespeed", "typemustmatch");

  private static final Set<String> LIST_ITEMS = Set.of("li");
  private static final Set<String> LISTS = Set.of("ul", "ol", "menu", "dir");
  private static final Set<String> DEFINITIONS = Set.of("dd", "dt");
  private static final Set<String> DEFINITION_LISTS = Set.of("dl");

  private static final int MAX_DEPTH = 100;

  /** Rules of the element names met, kept up to a bound: feeds may invent any number of names. */
  private static final Map<String, Rule> RULES = new ConcurrentHashMap<>();
  private static final int RULES_KEPT = 512;

  /** What one element name means here: how it nests, whether the list keeps it and which of its attributes, what the list adds. */
  private record Rule(String name, Kind kind, boolean safe, Map<String, Set<String>> links, Map<String, Boolean> attributes, String enforced) {

    static Rule of(String name) {
      Rule known = RULES.get(name);
      if (known != null) {
        return known;
      }
      StringBuilder enforced = new StringBuilder();
      for (Attribute a : HtmlSanitizer.ALLOWED.getEnforcedAttributes(name)) {
        enforced.append(' ').append(a.getKey()).append("=\"").append(a.getValue()).append('"');
      }
      Rule rule = new Rule(name, KINDS.getOrDefault(name, Kind.ORDINARY), HtmlSanitizer.ALLOWED.isSafeTag(name),
          HtmlSanitizer.LINKS.getOrDefault(name, Map.of()), new ConcurrentHashMap<>(), enforced.toString());
      if (RULES.size() < RULES_KEPT) {
        RULES.put(name, rule);
      }
      return rule;
    }

    /** Whether the list keeps the attribute on this element (link attributes still have their address checked). */
    boolean keeps(String attr) {
      if (!safe) {
        return false;
      }
      if (links.containsKey(attr)) {
        return true;
      }
      Boolean kept = attributes.get(attr);
      if (kept == null) {
        kept = HtmlSanitizer.ALLOWED.isSafeAttribute(name, new Element(name), new Attribute(attr, "x"));
        if (attributes.size() < 64) {
          attributes.put(attr, kept);
        }
      }
      return kept;
    }
  }

  private final String in;
  private final int len;
  private final HtmlSanitizer.Base base;
  private final StringBuilder out;
  private final Rule[] open = new Rule[MAX_DEPTH];
  private final StringBuilder scratch = new StringBuilder();
  private int depth;
  private int paragraphs;
  private int links;
  private int pos;
  /** Where the text of the latest pre would start in out: jsoup writes an extra newline before one that starts with a newline. */
  private int preText = -1;

  private OnePassSanitizer(String in, HtmlSanitizer.Base base) {
    this.in = in;
    this.len = in.length();
    this.base = base;
    this.out = new StringBuilder(len);
  }

  /** The sanitised HTML, stripped of surrounding white space, or null when the markup is not plain enough for one pass. */
  static String sanitize(String html, HtmlSanitizer.Base base) {
    OnePassSanitizer s = new OnePassSanitizer(html, base);
    if (!s.run()) {
      return null;
    }
    StringBuilder out = s.out;
    int start = 0;
    int end = out.length();
    while (start < end && Character.isWhitespace(out.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(out.charAt(end - 1))) {
      end--;
    }
    return out.substring(start, end); // one copy, where toString() and strip() would make two
  }

  private boolean run() {
    while (pos < len) {
      int run = pos;
      while (run < len && ordinary(in.charAt(run))) {
        run++;
      }
      if (run > pos && out.length() != preText) {
        out.append(in, pos, run); // most text: copied as a whole
        pos = run;
        continue;
      }
      char c = in.charAt(pos);
      if (c == '<') {
        if (!markup()) {
          return false;
        }
      } else if (c == '&') {
        if (!entity(false, out)) {
          return false;
        }
      } else if (Character.isSurrogate(c)) {
        if (!Character.isHighSurrogate(c) || pos + 1 >= len || !Character.isLowSurrogate(in.charAt(pos + 1))) {
          return false; // jsoup writes a lone half as a numeric reference
        }
        out.append(c).append(in.charAt(pos + 1));
        pos += 2;
      } else if ((c == '\n' || c == '\r') && out.length() == preText) {
        return false;
      } else if (HtmlWriter.escape(out, c, false)) {
        pos++;
      } else {
        return false;
      }
    }
    while (depth > 0) {
      close(open[--depth]);
    }
    return true;
  }

  /** At a '<': a tag, a comment, or a '<' that is only text. */
  private boolean markup() {
    if (pos + 1 >= len) {
      out.append("&lt;");
      pos++;
      return true;
    }
    char next = in.charAt(pos + 1);
    if (letter(next)) {
      return startTag();
    }
    if (next == '/') {
      return endTag();
    }
    if (next == '!') {
      return comment();
    }
    if (next == '?') {
      return false; // a bogus comment to the HTML parser
    }
    out.append("&lt;");
    pos++;
    return true;
  }

  private boolean comment() {
    if (!in.startsWith("<!--", pos)) {
      return false; // doctype, CDATA or a bogus comment
    }
    int body = pos + 4;
    if (in.startsWith(">", body) || in.startsWith("->", body)) {
      return false;
    }
    int end = in.indexOf("-->", body);
    if (end < 0 || in.substring(body, end).contains("--!")) {
      return false;
    }
    pos = end + 3; // comments go
    return true;
  }

  private boolean endTag() {
    int start = pos + 2;
    int i = nameEnd(start);
    if (i == start || !letter(in.charAt(start))) {
      return false;
    }
    String name = lower(start, i);
    i = skipSpace(i);
    if (i >= len || in.charAt(i) != '>' || depth == 0 || !open[depth - 1].name.equals(name)) {
      return false; // attributes on an end tag, or an end tag that does not close the current element
    }
    pos = i + 1;
    close(open[--depth]);
    if (name.equals("p")) {
      paragraphs--;
    } else if (name.equals("a")) {
      links--;
    }
    return true;
  }

  private boolean startTag() {
    int start = pos + 1;
    int i = nameEnd(start);
    if (i >= len || !(space(in.charAt(i)) || in.charAt(i) == '>' || in.charAt(i) == '/')) {
      return false;
    }
    Rule rule = Rule.of(lower(start, i));
    if (rule.kind == Kind.REFUSED) {
      return false;
    }
    if (rule.safe) {
      out.append('<').append(rule.name); // written straight out: if the pass gives up later, all of out is dropped
    }
    String[] seen = null;
    int seenCount = 0;
    boolean selfClosing = false;
    while (true) {
      i = skipSpace(i);
      if (i >= len) {
        return false;
      }
      char c = in.charAt(i);
      if (c == '>') {
        i++;
        break;
      }
      if (c == '/') {
        if (i + 1 < len && in.charAt(i + 1) == '>') {
          selfClosing = true;
          i += 2;
          break;
        }
        return false;
      }
      int nameStart = i;
      while (i < len && !space(in.charAt(i)) && "/>=".indexOf(in.charAt(i)) < 0) {
        if ("\"'<".indexOf(in.charAt(i)) >= 0) {
          return false;
        }
        i++;
      }
      if (i == nameStart || i >= len) {
        return false;
      }
      String attr = lower(nameStart, i);
      i = skipSpace(i);
      boolean keep = rule.keeps(attr);
      String value = "";
      if (i < len && in.charAt(i) == '=') {
        i++;
        i = skipSpace(i);
        if (i >= len) {
          return false;
        }
        char q = in.charAt(i);
        int valueStart;
        int valueEnd;
        if (q == '"' || q == '\'') {
          valueStart = i + 1;
          valueEnd = in.indexOf(q, valueStart);
          if (valueEnd < 0) {
            return false;
          }
          i = valueEnd + 1;
        } else {
          valueStart = i;
          while (i < len && !space(in.charAt(i)) && in.charAt(i) != '>') {
            if ("\"'<=`".indexOf(in.charAt(i)) >= 0) {
              return false;
            }
            i++;
          }
          valueEnd = i;
          if (valueEnd == valueStart) {
            return false;
          }
        }
        value = attributeValue(valueStart, valueEnd, keep);
        if (value == null) {
          return false;
        }
      }
      if (seen == null) {
        seen = new String[8];
      } else if (seenCount == seen.length) {
        seen = java.util.Arrays.copyOf(seen, seen.length * 2);
      }
      boolean duplicate = false;
      for (int k = 0; k < seenCount; k++) {
        duplicate |= seen[k].equals(attr);
      }
      if (duplicate) {
        continue; // the first of the same name counts
      }
      seen[seenCount++] = attr;
      if (keep && !attribute(rule, attr, value)) {
        return false;
      }
    }
    pos = i;
    return open(rule, selfClosing);
  }

  /** Applies the element's rules for how it nests; false when the tree builder would repair something. */
  private boolean open(Rule rule, boolean selfClosing) {
    Kind kind = rule.kind;
    boolean isVoid = kind == Kind.VOID || kind == Kind.VOID_CLOSES_P;
    if ((selfClosing && !isVoid) || depth == MAX_DEPTH) {
      return false;
    }
    boolean closesP = kind == Kind.CLOSES_P || kind == Kind.HEADING || kind == Kind.VOID_CLOSES_P || kind == Kind.PRE
        || kind == Kind.LIST_ITEM || kind == Kind.DEFINITION;
    if (closesP && paragraphs > 0) {
      return false;
    }
    switch (kind) {
      case HEADING -> {
        if (depth > 0 && open[depth - 1].kind == Kind.HEADING) {
          return false;
        }
      }
      case LIST_ITEM -> {
        if (openBefore(LIST_ITEMS, LISTS)) {
          return false;
        }
      }
      case DEFINITION -> {
        if (openBefore(DEFINITIONS, DEFINITION_LISTS)) {
          return false;
        }
      }
      case LINK -> {
        if (links > 0) {
          return false;
        }
      }
      case PRE -> {
        if (pos < len && (in.charAt(pos) == '\n' || in.charAt(pos) == '\r')) {
          return false; // the parser drops a newline right after <pre>
        }
      }
      case SCRIPT, RAW_TEXT -> {
        return skipData(rule.name, kind == Kind.SCRIPT);
      }
      default -> { }
    }
    if (rule.safe) {
      out.append(rule.enforced).append('>');
      if (kind == Kind.PRE) {
        preText = out.length();
      }
    }
    if (!isVoid) {
      open[depth++] = rule;
      if (kind == Kind.CLOSES_P && rule.name.equals("p")) {
        paragraphs++;
      } else if (kind == Kind.LINK) {
        links++;
      }
    }
    return true;
  }

  /** Whether an element named in wanted is open above the nearest element named in boundary. */
  private boolean openBefore(Set<String> wanted, Set<String> boundary) {
    for (int d = depth - 1; d >= 0; d--) {
      if (wanted.contains(open[d].name)) {
        return true;
      }
      if (boundary.contains(open[d].name)) {
        return false;
      }
    }
    return false;
  }

  /** Script, style and iframe content is data, never text: it goes, with its element, up to the end tag. */
  private boolean skipData(String name, boolean script) {
    String end = "</" + name + ">";
    int at = pos;
    int found = -1;
    while (found < 0) {
      int lt = in.indexOf("</", at);
      if (lt < 0) {
        return false;
      }
      if (in.regionMatches(true, lt, end, 0, end.length())) {
        found = lt;
      } else if (in.regionMatches(true, lt + 2, name, 0, name.length())) {
        return false; // </script followed by something other than '>'
      } else {
        at = lt + 2;
      }
    }
    if (script && in.substring(pos, found).contains("<!--")) {
      return false; // the script data escape states
    }
    pos = found + end.length();
    return true;
  }

  private void close(Rule rule) {
    if (rule.safe) {
      out.append("</").append(rule.name).append('>');
    }
  }

  /** Writes an attribute the list keeps (a link only when its address passes); false when jsoup would write it differently. */
  private boolean attribute(Rule rule, String attr, String value) {
    Set<String> schemes = rule.links.get(attr);
    if (schemes != null) {
      value = base.resolve(value, schemes);
      if (value == null) {
        return true;
      }
    }
    if (BOOLEAN_ATTRIBUTES.contains(attr) && (value.isEmpty() || value.equalsIgnoreCase(attr))) {
      return false;
    }
    out.append(' ').append(attr).append("=\"");
    if (!HtmlWriter.escape(out, value, true)) {
      return false;
    }
    out.append('"');
    return true;
  }

  /** The attribute value with its character references decoded, or null for one only the tree builder reads right. */
  private String attributeValue(int from, int to, boolean wanted) {
    for (int i = from; i < to; i++) {
      char c = in.charAt(i);
      if (c < 0x20 && !space(c)) {
        return null; // jsoup reads a NUL as U+FFFD, and writes other control characters as references
      }
    }
    int amp = in.indexOf('&', from);
    if (amp < 0 || amp >= to) {
      return wanted ? in.substring(from, to) : "";
    }
    StringBuilder b = wanted ? new StringBuilder(to - from) : scratch; // a dropped value is only checked
    b.setLength(0);
    int saved = pos;
    pos = from;
    try {
      while (pos < to) {
        char c = in.charAt(pos);
        if (c != '&') {
          b.append(c);
          pos++;
        } else if (!entity(true, b) || pos > to) {
          return null;
        }
      }
      return wanted ? b.toString() : "";
    } finally {
      pos = saved;
    }
  }

  /**
   * At a '&': a character reference ended by ';' is decoded; a '&' that starts none is itself.
   * Anything else (a legacy name without ';', an unknown name, a number the parser replaces) is
   * left to the tree builder. In an attribute the decoded text is appended raw (escaped later).
   */
  private boolean entity(boolean attribute, StringBuilder to) {
    int i = pos + 1;
    if (i >= len) {
      return literalAmpersand(attribute, to);
    }
    char c = in.charAt(i);
    String decoded;
    if (c == '#') {
      int cp = 0;
      int digits = 0;
      boolean hex = i + 1 < len && (in.charAt(i + 1) == 'x' || in.charAt(i + 1) == 'X');
      i += hex ? 2 : 1;
      while (i < len && digits < 8) {
        int v = Character.digit(in.charAt(i), hex ? 16 : 10);
        if (v < 0) {
          break;
        }
        cp = cp * (hex ? 16 : 10) + v;
        digits++;
        i++;
      }
      if (digits == 0 || digits == 8 || i >= len || in.charAt(i) != ';' || cp == 0 || cp > 0x10FFFF
          || (cp >= 0x80 && cp <= 0x9F) || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return false;
      }
      decoded = new String(Character.toChars(cp));
    } else if (letter(c) || Character.isDigit(c)) {
      int start = i;
      while (i < len && i - start < 40 && (letter(in.charAt(i)) || Character.isDigit(in.charAt(i)))) {
        i++;
      }
      if (i >= len || in.charAt(i) != ';') {
        return false;
      }
      String name = in.substring(start, i);
      if (!Entities.isNamedEntity(name)) {
        return false;
      }
      decoded = Entities.getByName(name);
    } else {
      return literalAmpersand(attribute, to);
    }
    pos = i + 1;
    if (attribute) {
      to.append(decoded);
      return true;
    }
    for (int k = 0; k < decoded.length(); k++) {
      char d = decoded.charAt(k);
      if (Character.isSurrogate(d)) {
        to.append(d); // halves of a pair: the number was checked above, names hold whole characters
      } else if (((d == '\n' || d == '\r') && to.length() == preText) || !HtmlWriter.escape(to, d, false)) {
        return false;
      }
    }
    return true;
  }

  private boolean literalAmpersand(boolean attribute, StringBuilder to) {
    to.append(attribute ? "&" : "&amp;");
    pos++;
    return true;
  }

  /** Where a tag or attribute name that starts at from ends. */
  private int nameEnd(int from) {
    int i = from;
    while (i < len && nameChar(in.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The first position from i on that is not HTML white space. */
  private int skipSpace(int i) {
    while (i < len && space(in.charAt(i))) {
      i++;
    }
    return i;
  }

  /** A character of text written as it is. */
  private static boolean ordinary(char c) {
    return c >= 0x20 ? c != '<' && c != '&' && c != '>' && c != '\u00a0' && (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE)
        : c == '\n' || c == '\t' || c == '\r';
  }

  private String lower(int from, int to) {
    for (int i = from; i < to; i++) {
      char c = in.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        return in.substring(from, to).toLowerCase(Locale.ROOT);
      }
    }
    return in.substring(from, to);
  }

  private static boolean letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean nameChar(char c) {
    return letter(c) || (c >= '0' && c <= '9') || c == '-' || c == ':' || c == '_' || c == '.';
  }

  private static boolean space(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
  }
}
