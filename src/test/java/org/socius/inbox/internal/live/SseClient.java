package org.socius.inbox.internal.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A signed-in browser's event stream, read line by line as EventSource does: events (with id,
 * name and data) and comment lines go into a queue that a test takes from with a deadline.
 */
final class SseClient implements AutoCloseable {

  record Event(String id, String name, String data, boolean comment) {}

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final String baseUrl;
  private final HttpClient client;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private volatile Stream<String> lines;
  private volatile Thread reader;

  private SseClient(String baseUrl) {
    this.baseUrl = baseUrl;
    this.client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** Signs in with the form and keeps the session cookie. */
  static SseClient signedIn(String baseUrl, String email, String password) {
    SseClient c = new SseClient(baseUrl);
    String page = c.get("/signin").body();
    Matcher m = CSRF.matcher(page);
    assertThat(m.find()).as("sign-in form").isTrue();
    String body = "email=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1).replace("&#61;", "="));
    var r = c.send(HttpRequest.newBuilder(URI.create(baseUrl + "/signin")).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)), HttpResponse.BodyHandlers.ofString());
    assertThat(r.headers().firstValue("Location").orElse("")).as("signed in").endsWith("/");
    return c;
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/html"), HttpResponse.BodyHandlers.ofString());
  }

  /** Opens the stream (with Last-Event-ID when given) and returns the status; events arrive in the queue. */
  int open(String path, String lastEventId) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/event-stream");
    if (lastEventId != null) {
      b.header("Last-Event-ID", lastEventId);
    }
    HttpResponse<Stream<String>> r = send(b, HttpResponse.BodyHandlers.ofLines());
    if (r.statusCode() != 200) {
      r.body().close();
      return r.statusCode();
    }
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
    lines = r.body();
    reader = new Thread(() -> read(lines), "sse-reader");
    reader.setDaemon(true);
    reader.start();
    return 200;
  }

  private void read(Stream<String> stream) {
    List<String> data = new ArrayList<>();
    String[] idAndName = new String[2];
    try {
      stream.forEach(line -> {
        if (line.isEmpty()) {
          if (!data.isEmpty()) {
            events.add(new Event(idAndName[0], idAndName[1] == null ? "message" : idAndName[1], String.join("\n", data), false));
          }
          data.clear();
          idAndName[0] = null;
          idAndName[1] = null;
        } else if (line.startsWith(":")) {
          events.add(new Event(null, null, line.substring(1).strip(), true));
        } else if (line.startsWith("id:")) {
          idAndName[0] = line.substring(3).strip();
        } else if (line.startsWith("event:")) {
          idAndName[1] = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
          data.add(line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5));
        }
      });
    } catch (RuntimeException closed) {
      // the stream was closed
    }
  }

  /** The next event with this name (others are skipped), or fails after the timeout. */
  Event next(String name, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      Event e = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
      if (e == null) {
        throw new AssertionError("no '" + name + "' event within " + timeout);
      }
      if (name.equals(e.comment() ? ":" : e.name())) {
        return e;
      }
    }
  }

  /** Events with one of these names that arrive within the time (others are skipped). */
  List<Event> within(Duration time, String... names) throws InterruptedException {
    List<Event> got = new ArrayList<>();
    long deadline = System.nanoTime() + time.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      Event e = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
      if (e == null) {
        return got;
      }
      if (!e.comment() && List.of(names).contains(e.name())) {
        got.add(e);
      }
    }
  }

  /** Ends the stream as a closed tab does. */
  @Override
  public void close() {
    Stream<String> s = lines;
    if (s != null) {
      s.close();
    }
    lines = null;
    events.clear();
  }

  private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
    try {
      return client.send(request.timeout(Duration.ofSeconds(30)).build(), handler);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

}
