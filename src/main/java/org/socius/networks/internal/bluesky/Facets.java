package org.socius.networks.internal.bluesky;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rich-text facets for a post: links, mentions (resolved to DIDs) and hashtags, with the UTF-8
 * byte offsets the AT Protocol asks for (start inclusive, end exclusive).
 */
final class Facets {

  private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+[^\\s<>\".,;:!?)\\]'’]");
  private static final Pattern MENTION = Pattern.compile("(?<=^|[\\s(\\[])@([a-zA-Z0-9][a-zA-Z0-9.-]*\\.[a-zA-Z][a-zA-Z0-9-]*)");
  private static final Pattern TAG = Pattern.compile("(?<=^|\\s)#([\\p{L}\\p{N}_]*\\p{L}[\\p{L}\\p{N}_]*)");

  private Facets() {}

  /** The facets of {@code text}; {@code didOf} resolves a handle to a DID, or null to leave it plain. */
  static List<Map<String, Object>> of(String text, Function<String, String> didOf) {
    List<Map<String, Object>> facets = new ArrayList<>();
    Matcher link = LINK.matcher(text);
    while (link.find()) {
      facets.add(facet(text, link.start(), link.end(), Map.of("$type", "app.bsky.richtext.facet#link", "uri", link.group())));
    }
    Matcher mention = MENTION.matcher(text);
    while (mention.find()) {
      String handle = mention.group(1).replaceAll("\\.+$", "");
      String did = didOf.apply(handle.toLowerCase(java.util.Locale.ROOT));
      if (did != null) {
        int end = mention.start() + 1 + handle.length();
        facets.add(facet(text, mention.start(), end, Map.of("$type", "app.bsky.richtext.facet#mention", "did", did)));
      }
    }
    Matcher tag = TAG.matcher(text);
    while (tag.find()) {
      facets.add(facet(text, tag.start(), tag.end(), Map.of("$type", "app.bsky.richtext.facet#tag", "tag", tag.group(1))));
    }
    return facets;
  }

  private static Map<String, Object> facet(String text, int start, int end, Map<String, Object> feature) {
    Map<String, Object> index = new LinkedHashMap<>();
    index.put("byteStart", bytes(text.substring(0, start)));
    index.put("byteEnd", bytes(text.substring(0, end)));
    Map<String, Object> facet = new LinkedHashMap<>();
    facet.put("index", index);
    facet.put("features", List.of(feature));
    return facet;
  }

  private static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
