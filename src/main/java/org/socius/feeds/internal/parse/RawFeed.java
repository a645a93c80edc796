package org.socius.feeds.internal.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/** What a format reader collects, before dates are read, links resolved and HTML sanitised. */
final class RawFeed {

  private static final Pattern EMAIL_THEN_NAME = Pattern.compile("^\\s*(\\S+@\\S+?)\\s*\\((.+)\\)\\s*$");
  private static final Pattern NAME_THEN_EMAIL = Pattern.compile("^\\s*(.+?)\\s*[(<]\\s*(\\S+@[^)>\\s]+)\\s*[)>]\\s*$");

  final String format;
  String title;
  String altTitle;
  String siteUrl;
  String altUrl;
  String feedUrl;
  String description;
  String altDescription;
  String language;
  String imageUrl;
  String updated;
  String ttl;
  final List<ParsedFeed.Author> authors = new ArrayList<>();
  final List<Item> items = new ArrayList<>();

  RawFeed(String format) {
    this.format = format;
  }

  static final class Item {
    String guid;
    String permalinkGuid;
    String title;
    String link;
    String altLink;
    String summary;
    String content;
    String published;
    String updated;
    String imageUrl;
    final List<ParsedFeed.Author> authors = new ArrayList<>();
    final List<String> categories = new ArrayList<>();
    final List<ParsedFeed.Enclosure> enclosures = new ArrayList<>();
  }

  /** An RSS person: "mail@example.org (Name)", "Name <mail@example.org>", a bare address or a name. */
  static ParsedFeed.Author person(String text) {
    if (text == null) {
      return new ParsedFeed.Author(null, null, null);
    }
    Matcher m = EMAIL_THEN_NAME.matcher(text);
    if (m.matches()) {
      return new ParsedFeed.Author(m.group(2).strip(), m.group(1), null);
    }
    m = NAME_THEN_EMAIL.matcher(text);
    if (m.matches()) {
      return new ParsedFeed.Author(m.group(1).strip(), m.group(2), null);
    }
    String t = text.strip();
    if (t.matches("\\S+@\\S+\\.\\S+")) {
      return new ParsedFeed.Author(null, t, null);
    }
    return new ParsedFeed.Author(t, null, null);
  }

  static void addNonBlank(List<String> list, String value) {
    if (value != null && !value.isBlank() && !list.contains(value.strip())) {
      list.add(value.strip());
    }
  }

  static Long number(String text) {
    try {
      return text == null ? null : Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  static String htmlToText(String html) {
    if (html == null) {
      return null;
    }
    if (HtmlSanitizer.plain(html)) {
      return blankToNull(collapseWhiteSpace(html)); // what jsoup's text() gives for text without markup or references
    }
    return blankToNull(Jsoup.parse(html).text().strip());
  }

  /** Runs of HTML white space as one space, none at either end. */
  static String collapseWhiteSpace(String s) {
    boolean change = false;
    for (int i = 0; i < s.length() && !change; i++) {
      char c = s.charAt(i);
      change = white(c) && (c != ' ' || i == 0 || i == s.length() - 1 || white(s.charAt(i + 1)));
    }
    if (!change) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    boolean pending = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (white(c)) {
        pending = b.length() > 0;
      } else {
        if (pending) {
          b.append(' ');
        }
        pending = false;
        b.append(c);
      }
    }
    return b.toString();
  }

  private static boolean white(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  }

  static String escape(String text) {
    int first = 0;
    while (first < text.length() && "<>&\"".indexOf(text.charAt(first)) < 0) {
      first++;
    }
    if (first == text.length()) {
      return text; // nothing to escape, the common case
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
