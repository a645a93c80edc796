package org.socius.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.socius.feeds.internal.parse.ParseStages;
import org.socius.feeds.internal.parse.ParsedFeed;
import org.socius.testing.Prerequisites;

/**
 * The sanitising step alone: HtmlSanitizer (jsoup's tree, cleaned in one pass) and OWASP's
 * streaming sanitiser with the same allow-list (OwaspSanitizer), over the same item HTML in the
 * same JVM (the corpus of ../shared/feeds and RealisticFeeds' 12 feeds), rounds alternating;
 * medians in HTML fields per second of wall time and of the measuring thread's CPU time. Run with
 * mvn -q test -Dtest=SanitiserComparison -Dsurefire.failIfNoSpecifiedTests=false
 * [-Dbench.rounds=9 -Dbench.warmup=8].
 */
class SanitiserComparison {

  private static final String ADDRESS = "https://example.net/feed";
  // CPU time of the measuring thread: the machine's other work disturbs it less than wall time
  private static final java.lang.management.ThreadMXBean THREAD = java.lang.management.ManagementFactory.getThreadMXBean();

  @Test
  void compare() throws IOException {
    Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("../shared/feeds/gofeed/testdata").normalize();
    Prerequisites.require(Files.isDirectory(root), "the feed corpus ../shared/feeds beside the project");
    List<byte[]> corpus = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        String name = p.getFileName().toString();
        if (name.endsWith(".xml") || name.endsWith(".json") && !name.endsWith("_expected.json")) {
          corpus.add(Files.readAllBytes(p));
        }
      }
    }
    System.out.println(measure("corpus", html(corpus)));
    System.out.println(measure("realistic", html(RealisticFeeds.generate(12, 25))));
  }

  private static List<String[]> html(List<byte[]> docs) {
    List<String[]> out = new ArrayList<>();
    for (byte[] d : docs) {
      ParsedFeed f;
      try {
        f = ParseStages.parseWithoutSanitising(d, ADDRESS);
      } catch (RuntimeException notAFeed) {
        continue;
      }
      for (ParsedFeed.Item i : f.items()) {
        String base = i.url() != null ? i.url() : f.siteUrl() != null ? f.siteUrl() : ADDRESS;
        out.add(new String[] {i.summary(), base});
        out.add(new String[] {i.content(), base});
      }
    }
    return out;
  }

  private static String measure(String set, List<String[]> html) {
    int rounds = Integer.getInteger("bench.rounds", 7);
    BinaryOperator<String> jsoup = org.socius.feeds.internal.parse.HtmlSanitizer::sanitize;
    BinaryOperator<String> owasp = org.socius.feeds.internal.parse.OwaspSanitizer::sanitize;
    long warmUntil = System.nanoTime() + (long) (Double.parseDouble(System.getProperty("bench.warmup", "5")) * 1e9);
    while (System.nanoTime() < warmUntil) {
      pass(html, jsoup);
      pass(html, owasp);
    }
    int repeat = Math.max(1, 20000 / html.size());
    long jsoupChars = pass(html, jsoup); // how much each keeps: a sanitiser that kept less could look faster
    long owaspChars = pass(html, owasp);
    double[] a = new double[rounds];
    double[] b = new double[rounds];
    double[] aCpu = new double[rounds];
    double[] bCpu = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long t = System.nanoTime();
      long c = THREAD.getCurrentThreadCpuTime();
      for (int k = 0; k < repeat; k++) {
        pass(html, jsoup);
      }
      a[r] = (System.nanoTime() - t) / 1e9;
      aCpu[r] = (THREAD.getCurrentThreadCpuTime() - c) / 1e9;
      t = System.nanoTime();
      c = THREAD.getCurrentThreadCpuTime();
      for (int k = 0; k < repeat; k++) {
        pass(html, owasp);
      }
      b[r] = (System.nanoTime() - t) / 1e9;
      bCpu[r] = (THREAD.getCurrentThreadCpuTime() - c) / 1e9;
    }
    double n = (double) html.size() * repeat;
    return String.format("sanitise, %s: %d HTML fields x %d, median of %d rounds: jsoup tree %,.0f fields/s (%,.0f per CPU s),"
        + " OWASP streaming %,.0f fields/s (%,.0f per CPU s), OWASP/jsoup %.2f (%.2f);"
        + " output %,d vs %,d characters", set, html.size(), repeat, rounds,
        n / median(a), n / median(aCpu), n / median(b), n / median(bCpu), median(a) / median(b), median(aCpu) / median(bCpu),
        jsoupChars, owaspChars);
  }

  private static long pass(List<String[]> html, BinaryOperator<String> sanitiser) {
    long chars = 0;
    for (String[] h : html) {
      String s = sanitiser.apply(h[0], h[1]);
      chars += s == null ? 0 : s.length();
    }
    return chars;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
