package org.socius.networks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socius.platform.NetworkGuard;
import org.socius.platform.OutboundHttp;
import tools.jackson.databind.json.JsonMapper;

/** The networks' manners: rate-limit headers, Retry-After, retries with backoff, errors in words. */
class RemoteApiTest {

  record Answer(int status, Map<String, String> headers, String body) {}

  private HttpServer server;
  private final Deque<Answer> answers = new ArrayDeque<>();
  private final AtomicInteger requests = new AtomicInteger();
  private RemoteApi api;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      Answer a = answers.isEmpty() ? new Answer(200, Map.of(), "{}") : answers.poll();
      a.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    server.start();
    var http = new OutboundHttp(new NetworkGuard("127.0.0.1"), OutboundHttp.Policy.defaults(), "test");
    api = new RemoteApi(http, JsonMapper.builder().build(), Clock.systemUTC());
    api.backoffBase(Duration.ofMillis(5));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private RemoteApi.Call call(String account) {
    return RemoteApi.Call.get(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/xrpc/x"), account, Map.of());
  }

  @Test
  void anExhaustedBudgetStopsFurtherRequestsUntilTheReset() {
    long reset = Instant.now().plusSeconds(120).getEpochSecond();
    answers.add(new Answer(200, Map.of("RateLimit-Remaining", "0", "RateLimit-Reset", String.valueOf(reset)), "{\"ok\":true}"));
    assertThat(api.json(call("a")).path("ok").asBoolean()).isTrue();
    assertThatThrownBy(() -> api.json(call("a"))).isInstanceOf(AdapterException.RateLimited.class)
        .satisfies(e -> assertThat(((AdapterException.RateLimited) e).until()).isEqualTo(Instant.ofEpochSecond(reset)));
    assertThat(requests.get()).as("the refused request was never sent").isEqualTo(1);
    assertThat(api.json(call("b")).isObject()).as("another account is not held back").isTrue();
  }

  @Test
  void mastodonStyleHeadersAreReadToo() {
    answers.add(new Answer(200, Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "2099-01-01T00:00:00.000000Z"), "{}"));
    api.json(call("m"));
    assertThatThrownBy(() -> api.json(call("m"))).isInstanceOf(AdapterException.RateLimited.class);
  }

  @Test
  void tooManyRequestsHonoursRetryAfter() {
    answers.add(new Answer(429, Map.of("Retry-After", "30"), "{\"error\":\"RateLimitExceeded\"}"));
    Instant before = Instant.now();
    assertThatThrownBy(() -> api.json(call("c"))).isInstanceOf(AdapterException.RateLimited.class)
        .satisfies(e -> assertThat(((AdapterException.RateLimited) e).until()).isBetween(before.plusSeconds(29), before.plusSeconds(32)));
    assertThatThrownBy(() -> api.json(call("c"))).isInstanceOf(AdapterException.RateLimited.class);
    assertThat(requests.get()).isEqualTo(1);
  }

  @Test
  void unavailableWithRetryAfterWaitsAndServerErrorsAreRetried() {
    answers.add(new Answer(503, Map.of("Retry-After", "10"), ""));
    assertThatThrownBy(() -> api.json(call("d"))).isInstanceOf(AdapterException.RateLimited.class);
    answers.add(new Answer(500, Map.of(), ""));
    answers.add(new Answer(502, Map.of(), ""));
    answers.add(new Answer(200, Map.of(), "{\"fine\":1}"));
    assertThat(api.json(call("e")).path("fine").asInt()).isEqualTo(1);
    answers.add(new Answer(500, Map.of(), ""));
    answers.add(new Answer(500, Map.of(), ""));
    answers.add(new Answer(500, Map.of(), ""));
    assertThatThrownBy(() -> api.json(call("f"))).isInstanceOf(AdapterException.Transient.class).hasMessageContaining("500");
  }

  @Test
  void clientErrorsAreNotRetriedAndSayWhy() {
    answers.add(new Answer(400, Map.of(), "{\"error\":\"InvalidSwap\",\"message\":\"Record already exists\"}"));
    assertThatThrownBy(() -> api.json(call("g"))).isInstanceOf(AdapterException.Rejected.class)
        .hasMessageContaining("InvalidSwap: Record already exists")
        .satisfies(e -> assertThat(((AdapterException.Rejected) e).errorCode()).isEqualTo("InvalidSwap"));
    assertThat(requests.get()).isEqualTo(1);
    answers.add(new Answer(401, Map.of(), "{\"error\":\"AuthMissing\"}"));
    assertThatThrownBy(() -> api.json(call("h"))).isInstanceOf(AdapterException.CredentialsRejected.class);
  }

  @Test
  void malformedJsonIsReportedAsSuch() {
    answers.add(new Answer(200, Map.of(), "{not json"));
    assertThatThrownBy(() -> api.json(call("i"))).isInstanceOf(AdapterException.Malformed.class).hasMessageContaining("not valid JSON");
  }
}
