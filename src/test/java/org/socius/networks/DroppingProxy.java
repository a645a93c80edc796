package org.socius.networks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy on loopback in front of a real server that can lose answers: the request reaches
 * the server and is carried out, but the connection closes before the answer comes back, as when
 * a network drops it.
 */
final class DroppingProxy implements AutoCloseable {

  private static final Set<String> HOP = Set.of("host", "connection", "content-length", "transfer-encoding", "upgrade",
      "http2-settings", "expect");

  private final HttpServer server;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String target;
  private final String dropPath;
  private final AtomicInteger dropsLeft;
  final AtomicInteger forwarded = new AtomicInteger();
  private final int skip;
  private final AtomicInteger seen = new AtomicInteger();
  private final int refuseStatus;

  DroppingProxy(String target, String dropPath, int drops) throws IOException {
    this(target, dropPath, 0, drops, 0);
  }

  /**
   * After letting {@code skip} matching requests through, the next {@code drops} ones are lost
   * after the server did them, or — with {@code refuseStatus} > 0 — refused with that status
   * without reaching the server.
   */
  DroppingProxy(String target, String dropPath, int skip, int drops, int refuseStatus) throws IOException {
    this.skip = skip;
    this.refuseStatus = refuseStatus;
    this.target = target;
    this.dropPath = dropPath;
    this.dropsLeft = new AtomicInteger(drops);
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    boolean matches = exchange.getRequestURI().getPath().contains(dropPath) && seen.getAndIncrement() >= skip;
    if (matches && refuseStatus > 0 && dropsLeft.getAndDecrement() > 0) {
      byte[] refusal = "{\"error\":\"InvalidRequest\",\"message\":\"refused by the test\"}".getBytes();
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(refuseStatus, refusal.length);
      exchange.getResponseBody().write(refusal);
      exchange.close();
      return;
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
        .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    exchange.getRequestHeaders().forEach((name, values) -> {
      if (!HOP.contains(name.toLowerCase())) {
        values.forEach(v -> request.header(name, v));
      }
    });
    HttpResponse<byte[]> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      forwarded.incrementAndGet();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.close();
      return;
    }
    if (matches && refuseStatus == 0 && dropsLeft.getAndDecrement() > 0) {
      exchange.close(); // the server did the work; the answer is lost
      return;
    }
    response.headers().map().forEach((name, values) -> {
      if (!HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
        exchange.getResponseHeaders().put(name, values);
      }
    });
    exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
    if (response.body().length > 0) {
      exchange.getResponseBody().write(response.body());
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
