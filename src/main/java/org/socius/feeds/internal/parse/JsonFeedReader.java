package org.socius.feeds.internal.parse;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1), including 1.0's single author. */
final class JsonFeedReader {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private JsonFeedReader() {}

  static RawFeed read(String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JacksonException e) {
      throw new FeedFormatException("The JSON is malformed: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new FeedFormatException("This is not a JSON Feed: the document is not a JSON object");
    }
    String version = str(root, "version");
    if (version == null || !(version.contains("jsonfeed.org/version/") || version.matches("1(\\.\\d)?"))) {
      throw new FeedFormatException("This is not a JSON Feed: it has no \"version\" naming https://jsonfeed.org/version/1 or 1.1");
    }
    RawFeed feed = new RawFeed("json " + (version.endsWith("1.1") ? "1.1" : "1.0"));
    feed.title = str(root, "title");
    feed.siteUrl = str(root, "home_page_url");
    feed.feedUrl = str(root, "feed_url");
    feed.description = str(root, "description");
    feed.language = str(root, "language");
    feed.imageUrl = first(str(root, "icon"), str(root, "favicon"));
    authors(root, feed.authors);
    for (JsonNode i : root.path("items")) {
      if (!i.isObject()) {
        continue;
      }
      RawFeed.Item item = new RawFeed.Item();
      JsonNode id = i.get("id");
      item.guid = id == null || id.isNull() ? null : RawFeed.blankToNull(id.asString());
      item.title = str(i, "title");
      item.link = first(str(i, "url"), str(i, "external_url"));
      String html = str(i, "content_html");
      String plain = str(i, "content_text");
      item.content = html != null ? html : plain == null ? null : RawFeed.escape(plain);
      String summary = str(i, "summary");
      item.summary = summary == null ? null : RawFeed.escape(summary);
      item.published = str(i, "date_published");
      item.updated = str(i, "date_modified");
      item.imageUrl = first(str(i, "image"), str(i, "banner_image"));
      authors(i, item.authors);
      for (JsonNode tag : i.path("tags")) {
        RawFeed.addNonBlank(item.categories, tag.isString() ? tag.asString() : null);
      }
      for (JsonNode a : i.path("attachments")) {
        JsonNode size = a.get("size_in_bytes");
        item.enclosures.add(new ParsedFeed.Enclosure(str(a, "url"), str(a, "mime_type"),
            size != null && size.isNumber() ? size.asLong() : null));
      }
      feed.items.add(item);
    }
    return feed;
  }

  private static void authors(JsonNode node, java.util.List<ParsedFeed.Author> into) {
    JsonNode many = node.get("authors");
    if (many != null && many.isArray()) {
      for (JsonNode a : many) {
        into.add(new ParsedFeed.Author(str(a, "name"), null, str(a, "url")));
      }
    }
    JsonNode one = node.get("author");
    if (into.isEmpty() && one != null && one.isObject()) {
      into.add(new ParsedFeed.Author(str(one, "name"), null, str(one, "url")));
    }
  }

  private static String str(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isString() ? RawFeed.blankToNull(v.asString().strip()) : null;
  }

  private static String first(String a, String b) {
    return a != null ? a : b;
  }
}
