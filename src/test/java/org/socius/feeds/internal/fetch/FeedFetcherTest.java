package org.socius.feeds.internal.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socius.platform.NetworkGuard;
import org.socius.platform.OutboundHttp;

/** Fetching against a local HTTP server; the guard allows 127.0.0.1 and nothing else internal. */
@Timeout(60)
class FeedFetcherTest {

  static final String RSS = """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0"><channel><title>Local</title><link>https://local.example/</link><ttl>90</ttl>
      <item><guid>1</guid><title>One</title><link>https://local.example/1</link></item></channel></rss>""";

  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private FeedFetcher fetcher;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(executor);
    server.start();
    fetcher = fetcher(Duration.ofSeconds(10), 10L * 1024 * 1024);
  }

  @AfterEach
  void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  private FeedFetcher fetcher(Duration timeout, long cap) {
    OutboundHttp http = new OutboundHttp(new NetworkGuard("127.0.0.1"), OutboundHttp.Policy.defaults(), "Socius-test");
    return new FeedFetcher(http, Clock.systemUTC(), cap, timeout);
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private void on(String path, HttpHandler handler) {
    server.createContext(path, ex -> {
      seen.add(ex.getRequestMethod() + " " + ex.getRequestURI() + " inm=" + ex.getRequestHeaders().getFirst("If-None-Match")
          + " ims=" + ex.getRequestHeaders().getFirst("If-Modified-Since"));
      try {
        handler.handle(ex);
      } finally {
        ex.close();
      }
    });
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    if (type != null) {
      ex.getResponseHeaders().set("Content-Type", type);
    }
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      ex.getResponseBody().write(body);
    }
  }

  @Test
  void etagAndLastModifiedRoundTripAndA304IsNotModified() {
    on("/feed", ex -> {
      String inm = ex.getRequestHeaders().getFirst("If-None-Match");
      ex.getResponseHeaders().set("ETag", "\"v1\"");
      ex.getResponseHeaders().set("Last-Modified", "Wed, 21 Oct 2026 07:28:00 GMT");
      if ("\"v1\"".equals(inm)) {
        send(ex, 304, null, new byte[0]);
      } else {
        send(ex, 200, "application/rss+xml", RSS.getBytes(StandardCharsets.UTF_8));
      }
    });
    FetchResult first = fetcher.fetch(url("/feed"), null, null);
    assertThat(first).isInstanceOf(FetchResult.Fetched.class);
    assertThat(((FetchResult.Fetched) first).feed().items()).hasSize(1);
    assertThat(first.etag()).isEqualTo("\"v1\"");
    assertThat(first.freshFor()).as("RSS ttl in minutes").isEqualTo(Duration.ofMinutes(90));

    FetchResult second = fetcher.fetch(url("/feed"), first.etag(), first.lastModified());
    assertThat(second).isInstanceOf(FetchResult.NotModified.class);
    assertThat(second.etag()).isEqualTo("\"v1\"");
    assertThat(seen.get(1)).contains("inm=\"v1\"").contains("ims=Wed, 21 Oct 2026 07:28:00 GMT");
  }

  @Test
  void cacheControlMaxAgeIsHonoured() {
    on("/cached", ex -> {
      ex.getResponseHeaders().set("Cache-Control", "public, max-age=3600");
      send(ex, 200, "application/rss+xml", RSS.replace("<ttl>90</ttl>", "").getBytes(StandardCharsets.UTF_8));
    });
    assertThat(fetcher.fetch(url("/cached"), null, null).freshFor()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void retryAfterOn429And503IsReported() {
    on("/busy", ex -> {
      ex.getResponseHeaders().set("Retry-After", "120");
      send(ex, 429, "text/plain", "slow down".getBytes(StandardCharsets.UTF_8));
    });
    on("/down", ex -> {
      ex.getResponseHeaders().set("Retry-After", "Fri, 31 Dec 2100 23:59:59 GMT");
      send(ex, 503, "text/plain", "down".getBytes(StandardCharsets.UTF_8));
    });
    assertThatThrownBy(() -> fetcher.fetch(url("/busy"), null, null)).isInstanceOfSatisfying(FetchFailure.class, f -> {
      assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(120));
      assertThat(f.getMessage()).isEqualTo("The server answered 429 Too Many Requests and asked to wait 2 min");
    });
    assertThatThrownBy(() -> fetcher.fetch(url("/down"), null, null)).isInstanceOfSatisfying(FetchFailure.class,
        f -> assertThat(f.retryAfter()).as("capped at a day").isEqualTo(Duration.ofDays(1)));
  }

  @Test
  void aRedirectLoopStopsAtTheCap() {
    on("/loop", ex -> {
      ex.getResponseHeaders().set("Location", "/loop");
      send(ex, 301, null, new byte[0]);
    });
    assertThatThrownBy(() -> fetcher.fetch(url("/loop"), null, null)).isInstanceOf(FetchFailure.class)
        .hasMessageContaining("Too many redirects");
  }

  @Test
  void aRedirectIntoAnAddressNotAllowedIsRefused() {
    on("/away", ex -> {
      ex.getResponseHeaders().set("Location", "http://127.0.0.2:" + server.getAddress().getPort() + "/feed");
      send(ex, 302, null, new byte[0]);
    });
    assertThatThrownBy(() -> fetcher.fetch(url("/away"), null, null)).isInstanceOf(FetchFailure.class)
        .hasMessageContaining("internal address (127.0.0.2)");
    FeedFetcher unallowed = new FeedFetcher(new OutboundHttp(new NetworkGuard(""), OutboundHttp.Policy.defaults(), "t"),
        Clock.systemUTC(), 1024, Duration.ofSeconds(5));
    assertThatThrownBy(() -> unallowed.fetch(url("/feed"), null, null)).hasMessageContaining("internal address (127.0.0.1)");
  }

  @Test
  void aFiftyMegabyteBodyStopsAtTheCap() {
    on("/huge", ex -> {
      ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
      ex.sendResponseHeaders(200, 0);
      byte[] chunk = new byte[1024 * 1024];
      java.util.Arrays.fill(chunk, (byte) ' ');
      try (OutputStream out = ex.getResponseBody()) {
        for (int i = 0; i < 50; i++) {
          out.write(chunk);
        }
      } catch (IOException closedByClient) {
        // the client stops reading at the cap
      }
    });
    assertThatThrownBy(() -> fetcher.fetch(url("/huge"), null, null)).isInstanceOf(FetchFailure.class)
        .hasMessageContaining("larger than the limit of 10485760 bytes");
  }

  @Test
  void aGzipBombStopsAtTheCapAfterDecompression() throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(compressed)) {
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < 200; i++) {
        gz.write(zeros);
      }
    }
    byte[] bomb = compressed.toByteArray();
    assertThat(bomb.length).isLessThan(1024 * 1024);
    on("/bomb", ex -> {
      ex.getResponseHeaders().set("Content-Encoding", "gzip");
      send(ex, 200, "application/rss+xml", bomb);
    });
    assertThatThrownBy(() -> fetcher.fetch(url("/bomb"), null, null)).isInstanceOf(FetchFailure.class)
        .hasMessageContaining("larger than the limit");
  }

  @Test
  void billionLaughsAndXxeAreHarmless() {
    on("/laughs", ex -> send(ex, 200, "application/rss+xml",
        org.socius.feeds.internal.parse.FeedParserTestData.BILLION_LAUGHS.getBytes(StandardCharsets.UTF_8)));
    on("/xxe", ex -> send(ex, 200, "application/rss+xml",
        org.socius.feeds.internal.parse.FeedParserTestData.XXE.getBytes(StandardCharsets.UTF_8)));
    var laughs = (FetchResult.Fetched) fetcher.fetch(url("/laughs"), null, null);
    assertThat(laughs.feed().title()).hasSizeLessThan(20);
    var xxe = (FetchResult.Fetched) fetcher.fetch(url("/xxe"), null, null);
    assertThat(xxe.feed().title()).doesNotContain("root:");
  }

  @Test
  void aSlowServerIsCutOffAtTheTimeCap() {
    on("/slow", ex -> {
      ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
      ex.sendResponseHeaders(200, 0);
      try (OutputStream out = ex.getResponseBody()) {
        for (int i = 0; i < 100; i++) {
          out.write(' ');
          out.flush();
          Thread.sleep(100);
        }
      } catch (IOException | InterruptedException gone) {
        // the client hung up
      }
    });
    FeedFetcher impatient = fetcher(Duration.ofSeconds(1), 1024 * 1024);
    assertThatThrownBy(() -> impatient.fetch(url("/slow"), null, null)).isInstanceOf(FetchFailure.class)
        .hasMessageContaining("not complete within 1 s");
  }

  @Test
  void theContentTypeDoesNotDecideButTheContentDoes() {
    on("/plain", ex -> send(ex, 200, "text/plain", RSS.getBytes(StandardCharsets.UTF_8)));
    on("/page", ex -> send(ex, 200, "application/rss+xml",
        "<!DOCTYPE html><html><head><title>Moved</title></head><body>We moved!</body></html>".getBytes(StandardCharsets.UTF_8)));
    assertThat(((FetchResult.Fetched) fetcher.fetch(url("/plain"), null, null)).feed().title()).isEqualTo("Local");
    assertThatThrownBy(() -> fetcher.fetch(url("/page"), null, null)).isInstanceOf(FetchFailure.class)
        .hasMessage("This is an HTML page, not a feed");
  }

  @Test
  void invalidUtf8IsReadWithReplacementCharacters() {
    byte[] body = RSS.replace("Local", "Loc@l").getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < body.length; i++) {
      if (body[i] == '@') {
        body[i] = (byte) 0xFF;
      }
    }
    on("/bad", ex -> send(ex, 200, "application/rss+xml; charset=utf-8", body));
    assertThat(((FetchResult.Fetched) fetcher.fetch(url("/bad"), null, null)).feed().title()).isEqualTo("Loc\uFFFDl");
  }

  @Test
  void missingAndBrokenServersAreReportedInWords() {
    on("/gone", ex -> send(ex, 410, "text/plain", "gone".getBytes(StandardCharsets.UTF_8)));
    on("/error", ex -> send(ex, 500, "text/plain", "oops".getBytes(StandardCharsets.UTF_8)));
    assertThatThrownBy(() -> fetcher.fetch(url("/gone"), null, null)).hasMessage("The feed is not there (the server answered 410 Gone)");
    assertThatThrownBy(() -> fetcher.fetch(url("/error"), null, null)).hasMessage("The server answered 500 instead of the feed");
  }
}
