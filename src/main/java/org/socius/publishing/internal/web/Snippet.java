package org.socius.publishing.internal.web;

/** The start of a post's text for lists, cut between characters (never inside an emoji). */
final class Snippet {

  static final int LENGTH = 180;

  private Snippet() {}

  static String of(String text) {
    if (text == null) {
      return "";
    }
    var m = java.util.regex.Pattern.compile("\\X").matcher(text);
    int n = 0;
    while (m.find()) {
      if (++n > LENGTH) {
        return text.substring(0, m.start()).stripTrailing() + "…";
      }
    }
    return text;
  }
}
