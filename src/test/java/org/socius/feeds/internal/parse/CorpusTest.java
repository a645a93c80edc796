package org.socius.feeds.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every feed of the corpus parses, and the documents that are not feeds fail with a reason. */
class CorpusTest {

  /** Not feeds on purpose: a JSON object without a version, an XML note, an empty file. */
  private static final Set<String> NOT_FEEDS = Set.of("parser/universal/invalid.json", "parser/json/invalid/invalid.json",
      "parser/universal/unknown_feed.xml", "parser/universal/empty_feed.xml");

  @Test
  void everyFeedOfTheCorpusParses() {
    Path root = Corpus.require();
    List<String> problems = new ArrayList<>();
    int parsed = 0;
    for (Path p : Corpus.files("")) {
      String rel = root.relativize(p).toString();
      if (!isDocument(p, rel)) {
        continue;
      }
      try {
        ParsedFeed feed = FeedParser.parse(Corpus.bytes(p), null, "https://example.net/feed");
        if (NOT_FEEDS.contains(rel)) {
          problems.add(rel + ": parsed, but is not a feed");
        }
        parsed++;
        assertTrue(feed.format() != null);
      } catch (FeedFormatException e) {
        if (!NOT_FEEDS.contains(rel)) {
          problems.add(rel + ": " + e.getMessage());
        } else {
          assertTrue(e.getMessage().length() > 10, rel + ": " + e.getMessage());
        }
      }
    }
    assertEquals(List.of(), problems);
    assertTrue(parsed > 500, "parsed " + parsed);
  }

  /** Item counts agree with gofeed's expectations in parser/rss and parser/atom. */
  @Test
  void itemCountsAgreeWithTheParserExpectations() {
    Path root = Corpus.require();
    JsonMapper json = JsonMapper.builder().build();
    List<String> problems = new ArrayList<>();
    for (String dir : List.of("parser/rss", "parser/atom")) {
      for (Path p : Corpus.files(dir)) {
        if (!p.toString().endsWith(".xml")) {
          continue;
        }
        Path expected = Path.of(p.toString().replaceAll("\\.xml$", ".json"));
        if (!expected.toFile().isFile()) {
          continue;
        }
        JsonNode want = json.readTree(Corpus.bytes(expected));
        ParsedFeed feed = FeedParser.parse(Corpus.bytes(p), null, null);
        int items = want.path("items").size() + want.path("entries").size();
        if (items != feed.items().size()) {
          problems.add(root.relativize(p) + ": " + feed.items().size() + " items, expected " + items);
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  static boolean isDocument(Path p, String rel) {
    String name = p.getFileName().toString();
    if (name.endsWith(".xml")) {
      return true;
    }
    if (!name.endsWith(".json") || name.endsWith("_expected.json")) {
      return false;
    }
    // in parser/rss, parser/atom and translator/rss|atom the .json files are expectations beside the .xml
    return !java.nio.file.Files.exists(Path.of(p.toString().replaceAll("\\.json$", ".xml")));
  }
}
