package org.socius.feeds.internal.parse;

import java.time.Instant;
import java.util.List;

/**
 * One feed in the shape Socius keeps, whatever the format it came in (RSS 0.9x/1.0/2.0, Atom
 * 0.3/1.0, JSON Feed 1.0/1.1). Text fields are plain text; {@code summary} and {@code content}
 * are HTML already sanitised; links are absolute where the feed allowed resolving them.
 */
public record ParsedFeed(String format, String title, String siteUrl, String feedUrl, String description, String language,
    String imageUrl, List<Author> authors, Instant updated, Integer ttlMinutes, List<Item> items) {

  public record Item(String guid, String title, String url, String summary, String content, List<Author> authors,
      Instant published, Instant updated, List<String> categories, List<Enclosure> enclosures, String imageUrl) {}

  public record Author(String name, String email, String uri) {
    /** The name, else the e-mail address, else the address of their page. */
    public String label() {
      return name != null ? name : email != null ? email : uri;
    }
  }

  public record Enclosure(String url, String type, Long length) {}
}
