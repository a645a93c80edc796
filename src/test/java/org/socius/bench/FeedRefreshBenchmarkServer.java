package org.socius.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The web of the refresh benchmark: feed {@code n} at {@code http://<host of n>:<port>/feeds/n.xml},
 * an RSS document of 20–50 items with a few KB of HTML each. Feed n is at version 0 until
 * {@link #advance} moves the changing ones to version 1 (three new items on top). Answers 304 to
 * a request whose If-None-Match or If-Modified-Since matches the current version. Records, per
 * host, the most requests in flight at once and the shortest gap between two starts, to check
 * the per-host limit from the outside.
 */
final class FeedRefreshBenchmarkServer implements AutoCloseable {

  static final int NEW_PER_ROUND = 3;
  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
  private static final String[] WORDS = ("feed refresh polling socius reader news story morning update release notes garden "
      + "city council weather travel recipe bread library music concert review photo walk river mountain coffee code java "
      + "database index query server client network protocol history archive letter editor column opinion science").split(" ");

  private final HttpServer server;
  private final ExecutorService pool;
  private final boolean[] changing;
  private final int[] version; // written before a round, read by the server's threads during it
  private final Instant origin;
  private final AtomicInteger ok = new AtomicInteger();
  private final AtomicInteger notModified = new AtomicInteger();
  private final AtomicInteger other = new AtomicInteger();
  private final AtomicLong bytes = new AtomicLong();
  private final Map<String, HostStats> hosts = new ConcurrentHashMap<>();

  /** What the server saw of one host. */
  static final class HostStats {
    int inFlight;
    int maxInFlight;
    long lastStart = Long.MIN_VALUE;
    long minGapNanos = Long.MAX_VALUE;
  }

  FeedRefreshBenchmarkServer(boolean[] changing, Instant origin, int threads) throws IOException {
    this.changing = changing;
    this.version = new int[changing.length];
    this.origin = origin;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
    pool = Executors.newFixedThreadPool(threads);
    server.setExecutor(pool);
    server.createContext("/feeds/", this::handle);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** The changing feeds get their next version: three new items. */
  void advance() {
    for (int n = 0; n < changing.length; n++) {
      if (changing[n]) {
        version[n]++;
      }
    }
  }

  /** Counters and per-host figures start again (a new round). */
  void reset() {
    ok.set(0);
    notModified.set(0);
    other.set(0);
    bytes.set(0);
    hosts.clear();
  }

  String etag(int n) {
    return "\"f" + n + "-v" + version[n] + "\"";
  }

  String lastModified(int n) {
    return HTTP_DATE.format(published(n, version[n] * NEW_PER_ROUND + items(n) - 1));
  }

  int ok() {
    return ok.get();
  }

  int notModified() {
    return notModified.get();
  }

  int other() {
    return other.get();
  }

  long bytes() {
    return bytes.get();
  }

  Map<String, HostStats> hosts() {
    return hosts;
  }

  private void handle(HttpExchange ex) throws IOException {
    String host = ex.getRequestHeaders().getFirst("Host");
    host = host == null ? "" : host.replaceFirst(":\\d+$", "");
    HostStats h = hosts.computeIfAbsent(host, k -> new HostStats());
    synchronized (h) {
      long now = System.nanoTime();
      if (h.lastStart != Long.MIN_VALUE) {
        h.minGapNanos = Math.min(h.minGapNanos, now - h.lastStart);
      }
      h.lastStart = now;
      h.maxInFlight = Math.max(h.maxInFlight, ++h.inFlight);
    }
    try (ex) {
      String path = ex.getRequestURI().getPath();
      int n;
      try {
        n = Integer.parseInt(path.substring("/feeds/".length(), path.length() - ".xml".length()));
      } catch (RuntimeException e) {
        n = -1;
      }
      if (n < 0 || n >= changing.length) {
        other.incrementAndGet();
        ex.sendResponseHeaders(404, -1);
        return;
      }
      String etag = etag(n);
      String modified = lastModified(n);
      ex.getResponseHeaders().set("ETag", etag);
      ex.getResponseHeaders().set("Last-Modified", modified);
      String inm = ex.getRequestHeaders().getFirst("If-None-Match");
      String ims = ex.getRequestHeaders().getFirst("If-Modified-Since");
      if (inm != null ? inm.equals(etag) : modified.equals(ims)) {
        notModified.incrementAndGet();
        ex.sendResponseHeaders(304, -1);
        return;
      }
      byte[] body = document(n, version[n], host).getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ok.incrementAndGet();
      bytes.addAndGet(body.length);
    } finally {
      synchronized (h) {
        h.inFlight--;
      }
    }
  }

  /** How many items feed n carries: 20 to 50. */
  static int items(int n) {
    return 20 + Math.floorMod(n * 7919, 31);
  }

  /** Item i of feed n is published every six hours; the newest item of version 1 about an hour before the origin. */
  private Instant published(int n, int i) {
    int newest = NEW_PER_ROUND + items(n) - 1;
    return origin.minusSeconds(3600L + (newest - i) * 6L * 3600 + Math.floorMod(n * 31, 3600));
  }

  /** Feed n at a version: its newest {@link #items} items, the newest first. */
  String document(int n, int v, String host) {
    int count = items(n);
    int top = v * NEW_PER_ROUND + count - 1;
    StringBuilder out = new StringBuilder(count * 2600);
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Feed ").append(n)
        .append(" on ").append(host).append("</title><link>http://").append(host).append("/</link><description>Notes number ")
        .append(n).append("</description><language>en</language>\n");
    for (int i = top; i > top - count; i--) {
      String link = "http://" + host + "/posts/" + n + "/" + i;
      out.append("<item><title>").append(words(n, i, 8)).append("</title><link>").append(link).append("</link>")
          .append("<guid isPermaLink=\"true\">").append(link).append("</guid><pubDate>").append(HTTP_DATE.format(published(n, i)))
          .append("</pubDate><dc:creator xmlns:dc=\"http://purl.org/dc/elements/1.1/\">Author ").append(n % 97)
          .append("</dc:creator><category>").append(WORDS[(n + i) % WORDS.length]).append("</category><description><![CDATA[");
      html(out, n, i, host);
      out.append("]]></description></item>\n");
    }
    return out.append("</channel></rss>\n").toString();
  }

  /** About 2.5 KB of the HTML blogs publish: paragraphs, links, emphasis, a list, a quote, an image, code. */
  private static void html(StringBuilder out, int n, int i, String host) {
    out.append("<p><img src=\"http://").append(host).append("/img/").append(n).append('-').append(i)
        .append(".jpg\" alt=\"").append(words(n, i + 1, 3)).append("\" width=\"640\" height=\"360\"></p>");
    for (int p = 0; p < 4; p++) {
      out.append("<p>").append(words(n + p, i, 22)).append(" <a href=\"https://example.org/").append(WORDS[(i + p) % WORDS.length])
          .append("?utm_source=feed\">").append(words(n, i + p, 3)).append("</a>, <em>").append(words(n + 1, i + p, 4))
          .append("</em> and <strong>").append(words(n + 2, i + p, 3)).append("</strong> ").append(words(n + 3, i + p, 30))
          .append(".</p>");
    }
    out.append("<ul>");
    for (int l = 0; l < 4; l++) {
      out.append("<li>").append(words(n + l, i + 7, 9)).append("</li>");
    }
    out.append("</ul><blockquote><p>").append(words(n + 5, i, 25)).append("</p></blockquote><pre><code>select * from items where id = ")
        .append(i).append(";</code></pre><p>").append(words(n + 6, i, 40)).append(" &mdash; &copy; ").append(host).append("</p>");
  }

  private static String words(int a, int b, int count) {
    StringBuilder s = new StringBuilder();
    long x = a * 1_000_003L + b * 7_919L + 17;
    for (int k = 0; k < count; k++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
      s.append(k == 0 ? "" : " ").append(WORDS[(int) Math.floorMod(x >>> 33, (long) WORDS.length)]);
    }
    return s.toString();
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
