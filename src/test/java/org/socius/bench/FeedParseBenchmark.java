package org.socius.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.socius.feeds.internal.parse.FeedFormatException;
import org.socius.feeds.internal.parse.FeedParser;
import org.socius.testing.Prerequisites;

/**
 * Parse speed of Socius's feed parser (decode, StAX or Jackson pass, dates, links, HTML
 * sanitising) over the feeds of ../shared/feeds held in memory: items per second and MB per
 * second, median of bench.rounds rounds after one warm-up round. Run with bench/feeds-parse.sh.
 */
class FeedParseBenchmark {

  @Test
  void parse() throws IOException {
    Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("../shared/feeds/gofeed/testdata").normalize();
    Prerequisites.require(Files.isDirectory(root), "the feed corpus ../shared/feeds beside the project");
    List<byte[]> docs = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String name = p.getFileName().toString();
        boolean xml = name.endsWith(".xml");
        boolean json = name.endsWith(".json") && !name.endsWith("_expected.json")
            && !Files.exists(Path.of(p.toString().replaceAll("\\.json$", ".xml")));
        if (xml || json) {
          byte[] bytes = Files.readAllBytes(p);
          try {
            FeedParser.parse(bytes, null, "https://example.net/feed");
            docs.add(bytes);
            paths.add(p.toString());
          } catch (FeedFormatException notAFeed) {
            // the corpus's deliberate non-feeds are not part of the measure
          }
        }
      }
    }
    // the same documents for rss-parser (bench/feeds-rss-parser.mjs) in the same run
    Files.write(Path.of("target", "bench-feeds-corpus.txt"), paths, StandardCharsets.UTF_8);
    long bytes = docs.stream().mapToLong(d -> d.length).sum();
    int rounds = Integer.getInteger("bench.rounds", 5);
    int repeat = Integer.getInteger("bench.repeat", 20); // the corpus is small: each round parses it this many times
    double[] itemsPerSecond = new double[rounds];
    double[] mbPerSecond = new double[rounds];
    long items = 0;
    for (int round = -1; round < rounds; round++) {
      long start = System.nanoTime();
      items = 0;
      for (int r = 0; r < repeat; r++) {
        for (byte[] d : docs) {
          items += FeedParser.parse(d, null, "https://example.net/feed").items().size();
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      if (round >= 0) {
        itemsPerSecond[round] = items / seconds;
        mbPerSecond[round] = bytes * (double) repeat / 1e6 / seconds;
      }
    }
    Arrays.sort(itemsPerSecond);
    Arrays.sort(mbPerSecond);
    String line = String.format("feeds parse: %d documents, %.2f MB, %d items per pass x %d; median of %d rounds: %,.0f items/s, %.1f MB/s",
        docs.size(), bytes / 1e6, items / repeat, repeat, rounds, itemsPerSecond[rounds / 2], mbPerSecond[rounds / 2]);
    System.out.println(line);
    Files.writeString(Path.of("target", "bench-feeds-parse.txt"), line + "\n", StandardCharsets.UTF_8);
  }
}
