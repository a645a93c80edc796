package org.socius.feeds;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A local web server for feed tests: each path serves what the test last put there, with an ETag and 304s. */
public final class FeedServer implements AutoCloseable {

  public record Page(int status, String type, byte[] body) {
    Page(int status, String type, String body) {
      this(status, type, body.getBytes(StandardCharsets.UTF_8));
    }
  }

  private final HttpServer server;
  private final Map<String, Page> pages = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger notModified = new AtomicInteger();
  private volatile java.util.function.Consumer<String> onRequest = path -> {};

  public FeedServer() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", this::handle);
    server.start();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public void put(String path, String type, String body) {
    pages.put(path, new Page(200, type, body));
  }

  public void put(String path, int status, String type, String body) {
    pages.put(path, new Page(status, type, body));
  }

  /** Bytes as they are, e.g. an image. */
  public void put(String path, String type, byte[] body) {
    pages.put(path, new Page(200, type, body));
  }

  public int requests() {
    return requests.get();
  }

  /** Called with the path as each request starts, before it is answered (e.g. to note when and by whom). */
  public void onRequest(java.util.function.Consumer<String> listener) {
    this.onRequest = listener;
  }

  public int notModified() {
    return notModified.get();
  }

  private void handle(HttpExchange ex) throws IOException {
    requests.incrementAndGet();
    try (ex) {
      onRequest.accept(ex.getRequestURI().getPath());
      Page page = pages.get(ex.getRequestURI().getPath());
      if (page == null) {
        ex.sendResponseHeaders(404, -1);
        return;
      }
      byte[] body = page.body();
      String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"";
      ex.getResponseHeaders().set("ETag", etag);
      if (page.status() == 200 && etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        notModified.incrementAndGet();
        ex.sendResponseHeaders(304, -1);
        return;
      }
      ex.getResponseHeaders().set("Content-Type", page.type());
      ex.sendResponseHeaders(page.status(), body.length == 0 ? -1 : body.length);
      ex.getResponseBody().write(body);
    }
  }

  /** An RSS 2.0 document with the given items, each "guid|title|link|description". */
  public static String rss(String title, String... items) {
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>" + title
        + "</title><link>https://blog.example/</link>");
    int day = 1;
    for (String item : items) {
      String[] f = item.split("\\|", -1);
      out.append("<item><guid isPermaLink=\"false\">").append(f[0]).append("</guid><title>").append(f[1]).append("</title><link>")
          .append(f[2]).append("</link><description><![CDATA[").append(f[3]).append("]]></description><pubDate>")
          .append(String.format("Mon, %02d Nov 2026 10:00:00 GMT", day++)).append("</pubDate></item>");
    }
    return out.append("</channel></rss>").toString();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
