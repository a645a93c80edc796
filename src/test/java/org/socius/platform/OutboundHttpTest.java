package org.socius.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socius.platform.OutboundHttp.Policy;

/** Outgoing HTTP against servers on this machine's loopback addresses only; the guard allows 127.0.0.1 alone. */
@Timeout(30)
class OutboundHttpTest {

  private static final long CAP = 64 * 1024;

  private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private HttpServer server;
  private OutboundHttp http;

  @BeforeEach
  void start() throws IOException {
    server = serve("127.0.0.1");
    http = new OutboundHttp(new NetworkGuard("127.0.0.1"), policy(Duration.ofSeconds(5), 5), "Socius-test");
  }

  @AfterEach
  void stop() {
    servers.forEach(s -> s.stop(0));
    executor.shutdownNow();
  }

  @Test
  void followsARedirectAndAnswersWithTheFinalAddress() {
    on(server, "/start", ex -> redirect(ex, 302, "/moved/here"));
    on(server, "/moved/here", ex -> send(ex, 200, "arrived"));

    var response = http.get(url(server, "/start"), Map.of());

    assertThat(response.status()).isEqualTo(200);
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("arrived");
    assertThat(response.uri()).isEqualTo(url(server, "/moved/here"));
  }

  @Test
  void stopsAfterTheRedirectCapWithAClearError() {
    AtomicInteger hits = new AtomicInteger();
    on(server, "/loop", ex -> {
      hits.incrementAndGet();
      redirect(ex, 301, "/loop");
    });
    Policy capped = policy(Duration.ofSeconds(5), 3);

    assertThatThrownBy(() -> http.send("GET", url(server, "/loop"), Map.of(), null, capped))
        .isInstanceOf(OutboundHttp.OutboundException.class)
        .hasMessage("Too many redirects (more than 3) from " + url(server, "/loop"));
    assertThat(hits.get()).as("the first request and three redirects").isEqualTo(4);
  }

  @Test
  void aRedirectToAnInternalAddressIsRefusedBeforeConnecting() throws IOException {
    HttpServer inside = serveOnIpv6Loopback();
    AtomicInteger reached = new AtomicInteger();
    on(inside, "/", ex -> {
      reached.incrementAndGet();
      send(ex, 200, "internal secrets");
    });
    on(server, "/to-ipv6-loopback", ex -> redirect(ex, 302, "http://[::1]:" + inside.getAddress().getPort() + "/"));
    on(server, "/to-private", ex -> redirect(ex, 307, "http://10.0.0.1:8080/admin"));
    on(server, "/to-metadata", ex -> redirect(ex, 302, "http://169.254.169.254/latest/meta-data/"));

    assertThatThrownBy(() -> http.get(url(server, "/to-ipv6-loopback"), Map.of()))
        .isInstanceOf(NetworkGuard.RefusedDestination.class)
        .hasMessageContaining("internal address (0:0:0:0:0:0:0:1)");
    assertThat(reached.get()).as("requests that reached the internal server").isZero();

    long started = System.nanoTime();
    assertThatThrownBy(() -> http.get(url(server, "/to-private"), Map.of()))
        .isInstanceOf(NetworkGuard.RefusedDestination.class)
        .hasMessageContaining("internal address (10.0.0.1)");
    assertThatThrownBy(() -> http.get(url(server, "/to-metadata"), Map.of()))
        .isInstanceOf(NetworkGuard.RefusedDestination.class)
        .hasMessageContaining("internal address (169.254.169.254)");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).as("refused without trying to connect").isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void credentialsAreNotSentOnToAnotherOrigin() throws IOException {
    HttpServer other = serve("127.0.0.1");
    List<String> seenHere = new CopyOnWriteArrayList<>();
    List<String> seenThere = new CopyOnWriteArrayList<>();
    on(server, "/same", ex -> redirect(ex, 302, "/final"));
    on(server, "/final", ex -> {
      seenHere.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
      send(ex, 200, "ok");
    });
    on(server, "/away", ex -> redirect(ex, 302, url(other, "/final").toString()));
    on(other, "/final", ex -> {
      seenThere.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")) + " "
          + ex.getRequestHeaders().getFirst("Cookie") + " " + ex.getRequestHeaders().getFirst("X-Feed"));
      send(ex, 200, "ok");
    });
    Map<String, String> headers = Map.of("Authorization", "Bearer network-token", "Cookie", "session=1", "X-Feed", "kept");

    http.get(url(server, "/same"), headers);
    http.get(url(server, "/away"), headers);

    assertThat(seenHere).as("a redirect on the same origin keeps the credentials").containsExactly("Bearer network-token");
    assertThat(seenThere).as("another origin (here: port) gets no credentials").containsExactly("null null kept");
  }

  @Test
  void aBodyLargerThanTheCapIsRefusedWithAClearError() {
    on(server, "/exact", ex -> send(ex, 200, new byte[(int) CAP]));
    on(server, "/big", ex -> send(ex, 200, new byte[(int) CAP + 1]));

    assertThat(http.get(url(server, "/exact"), Map.of()).body()).hasSize((int) CAP);
    assertThatThrownBy(() -> http.get(url(server, "/big"), Map.of()))
        .isInstanceOf(OutboundHttp.OutboundException.class)
        .hasMessage("The answer from 127.0.0.1 is larger than the limit of " + CAP + " bytes");
  }

  @Test
  void aGzipBodyIsInflatedAndAGzipBombStopsAtTheCap() throws IOException {
    byte[] small = gzip(new byte[(int) CAP / 2]);
    byte[] bomb = gzip(new byte[20 * 1024 * 1024]);
    assertThat(bomb.length).as("what travels is far below the cap").isLessThan((int) CAP);
    on(server, "/small", ex -> {
      ex.getResponseHeaders().set("Content-Encoding", "gzip");
      send(ex, 200, small);
    });
    on(server, "/bomb", ex -> {
      ex.getResponseHeaders().set("Content-Encoding", "gzip");
      send(ex, 200, bomb);
    });

    assertThat(http.get(url(server, "/small"), Map.of()).body()).hasSize((int) CAP / 2);
    assertThatThrownBy(() -> http.get(url(server, "/bomb"), Map.of()))
        .isInstanceOf(OutboundHttp.OutboundException.class)
        .hasMessage("The answer from 127.0.0.1 is larger than the limit of " + CAP + " bytes");
  }

  @Test
  void aServerThatDoesNotAnswerInTimeGivesAClearError() {
    on(server, "/slow", ex -> {
      sleep(5000);
      send(ex, 200, "too late");
    });
    Policy quick = policy(Duration.ofMillis(300), 5);

    long started = System.nanoTime();
    assertThatThrownBy(() -> http.send("GET", url(server, "/slow"), Map.of(), null, quick))
        .isInstanceOf(OutboundHttp.OutboundException.class)
        .hasMessage("No answer from 127.0.0.1 within 300 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
  }

  /** A server that sends its headers and then stalls must not hold the caller past the timeout either. */
  @Test
  void aBodyThatStallsGivesAClearErrorAtTheTimeout() {
    on(server, "/stall", ex -> {
      ex.sendResponseHeaders(200, 0); // chunked
      OutputStream out = ex.getResponseBody();
      out.write("<rss>".getBytes(StandardCharsets.UTF_8));
      out.flush();
      sleep(8000);
      out.write("</rss>".getBytes(StandardCharsets.UTF_8));
      out.close();
    });
    Policy quick = policy(Duration.ofMillis(500), 5);

    long started = System.nanoTime();
    assertThatThrownBy(() -> http.send("GET", url(server, "/stall"), Map.of(), null, quick))
        .isInstanceOf(OutboundHttp.OutboundException.class)
        .hasMessage("The answer from 127.0.0.1 was not complete within 500 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
  }

  // --- a small HTTP server on a loopback address ---

  private interface Handler {
    void handle(HttpExchange exchange) throws IOException;
  }

  private HttpServer serve(String address) throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 0);
    s.setExecutor(executor);
    s.start();
    servers.add(s);
    return s;
  }

  private HttpServer serveOnIpv6Loopback() {
    try {
      return serve("::1");
    } catch (IOException e) {
      org.junit.jupiter.api.Assumptions.abort("No IPv6 loopback on this machine: " + e.getMessage());
      return null;
    }
  }

  private static void on(HttpServer s, String path, Handler handler) {
    s.createContext(path, (HttpHandler) exchange -> {
      try (exchange) {
        if (!exchange.getRequestURI().getPath().equals(path) && !path.equals("/")) {
          send(exchange, 404, "no");
          return;
        }
        handler.handle(exchange);
      }
    });
  }

  private static URI url(HttpServer s, String path) {
    InetSocketAddress a = s.getAddress();
    String host = a.getAddress() instanceof java.net.Inet6Address ? "[::1]" : a.getAddress().getHostAddress();
    return URI.create("http://" + host + ":" + a.getPort() + path);
  }

  private static void redirect(HttpExchange ex, int status, String location) throws IOException {
    ex.getResponseHeaders().set("Location", location);
    ex.sendResponseHeaders(status, -1);
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    send(ex, status, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    ex.getResponseBody().write(body);
  }

  private static byte[] gzip(byte[] plain) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(plain);
    }
    return out.toByteArray();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Policy policy(Duration timeout, int maxRedirects) {
    return new Policy(Duration.ofSeconds(5), timeout, CAP, maxRedirects);
  }
}
