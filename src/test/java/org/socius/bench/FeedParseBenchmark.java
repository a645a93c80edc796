package org.socius.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.socius.feeds.internal.parse.FeedFormatException;
import org.socius.feeds.internal.parse.FeedParser;
import org.socius.feeds.internal.parse.ParseStages;
import org.socius.feeds.internal.parse.ParsedFeed;
import org.socius.testing.Prerequisites;

/**
 * Parse speed of Socius's feed parser (decode, StAX or Jackson pass, dates, links, HTML
 * sanitising) over two sets held in memory: the feeds of ../shared/feeds (small edge cases) and
 * realistic feeds made by {@link RealisticFeeds} (kilobytes of blog HTML per item). For each set:
 * items and MB per second for the whole pipeline, items per second without sanitising, and the
 * share of the time that sanitising takes; items per second of the process's CPU time too (steadier
 * than wall time when other work shares the machine); medians of bench.rounds rounds after bench.warmup
 * seconds of warm-up. Run with bench/feeds-parse.sh, which runs rss-parser over the same files.
 */
class FeedParseBenchmark {

  private static final String ADDRESS = "https://example.net/feed";
  // CPU time of the whole process (JIT and GC threads too, as Node's process.cpuUsage counts them): steadier than wall time on a shared machine
  private static final com.sun.management.OperatingSystemMXBean CPU =
      (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

  @Test
  void parse() throws IOException {
    Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("../shared/feeds/gofeed/testdata").normalize();
    Prerequisites.require(Files.isDirectory(root), "the feed corpus ../shared/feeds beside the project");
    List<Path> corpus = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        String name = p.getFileName().toString();
        boolean xml = name.endsWith(".xml");
        boolean json = name.endsWith(".json") && !name.endsWith("_expected.json")
            && !Files.exists(Path.of(p.toString().replaceAll("\\.json$", ".xml")));
        if (xml || json) {
          corpus.add(p);
        }
      }
    }
    Path dir = Files.createDirectories(Path.of("target", "bench-feeds-realistic"));
    List<Path> realistic = new ArrayList<>();
    List<byte[]> made = RealisticFeeds.generate(Integer.getInteger("bench.realisticDocs", 12), 25);
    for (int i = 0; i < made.size(); i++) {
      realistic.add(Files.write(dir.resolve(String.format("feed-%02d.xml", i)), made.get(i)).toAbsolutePath());
    }
    List<String> lines = new ArrayList<>();
    lines.add(measure("corpus", corpus, Integer.getInteger("bench.repeat", 20)));
    lines.add(measure("realistic", realistic, Integer.getInteger("bench.realisticRepeat", 4)));
    lines.forEach(System.out::println);
    Files.write(Path.of("target", "bench-feeds-parse.txt"), lines, StandardCharsets.UTF_8);
  }

  /** Measures one set; writes the list of its feeds to target/bench-feeds-SET.txt for rss-parser. */
  private static String measure(String set, List<Path> files, int repeat) throws IOException {
    List<byte[]> docs = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    for (Path p : files) {
      byte[] bytes = Files.readAllBytes(p);
      try {
        FeedParser.parse(bytes, null, ADDRESS);
        docs.add(bytes);
        paths.add(p.toString());
      } catch (FeedFormatException notAFeed) {
        // the corpus's deliberate non-feeds are not part of the measure
      }
    }
    Files.write(Path.of("target", "bench-feeds-" + set + ".txt"), paths, StandardCharsets.UTF_8);
    long bytes = docs.stream().mapToLong(d -> d.length).sum();
    int rounds = Integer.getInteger("bench.rounds", 5);
    Function<byte[], ParsedFeed> whole = d -> FeedParser.parse(d, null, ADDRESS);
    Function<byte[], ParsedFeed> unsanitised = d -> ParseStages.parseWithoutSanitising(d, ADDRESS);
    long warmUntil = System.nanoTime() + (long) (Double.parseDouble(System.getProperty("bench.warmup", "3")) * 1e9);
    while (System.nanoTime() < warmUntil) {
      pass(docs, 1, whole);
      pass(docs, 1, unsanitised);
    }
    double[] wholeSeconds = new double[rounds];
    double[] wholeCpuSeconds = new double[rounds];
    double[] parseSeconds = new double[rounds];
    double[] share = new double[rounds];
    long items = 0;
    for (int round = 0; round < rounds; round++) {
      long start = System.nanoTime();
      long cpu = CPU.getProcessCpuTime();
      items = pass(docs, repeat, whole);
      wholeSeconds[round] = (System.nanoTime() - start) / 1e9;
      wholeCpuSeconds[round] = (CPU.getProcessCpuTime() - cpu) / 1e9;
      start = System.nanoTime();
      pass(docs, repeat, unsanitised);
      parseSeconds[round] = (System.nanoTime() - start) / 1e9;
      share[round] = Math.max(0, 1 - parseSeconds[round] / wholeSeconds[round]);
    }
    double whole50 = median(wholeSeconds);
    return String.format("feeds parse, %s: %d documents, %.2f MB, %d items per pass x %d; median of %d rounds: %,.0f items/s, %.1f MB/s,"
        + " %,.0f items per CPU second; without sanitising %,.0f items/s; sanitising %.0f %% of the time", set, docs.size(), bytes / 1e6,
        items / repeat, repeat, rounds, items / whole50, bytes * (double) repeat / 1e6 / whole50, items / median(wholeCpuSeconds),
        items / median(parseSeconds), 100 * median(share));
  }

  private static long pass(List<byte[]> docs, int repeat, Function<byte[], ParsedFeed> parser) {
    long items = 0;
    for (int r = 0; r < repeat; r++) {
      for (byte[] d : docs) {
        items += parser.apply(d).items().size();
      }
    }
    return items;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
