package org.socius.networks.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.socius.platform.OutboundHttp;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON over HTTP to the networks, with their manners: it reads the rate-limit headers (Mastodon
 * {@code X-RateLimit-*}, AT Protocol {@code RateLimit-*}) and {@code Retry-After}, and refuses to
 * send what the last headers said would be refused; it retries timeouts, resets, 408 and 5xx with
 * exponential backoff and jitter; it turns every other answer into an {@link AdapterException}
 * in words. Only idempotent requests come here (writes carry idempotency keys), so a retry is safe.
 */
@Component
public class RemoteApi {

  static final int ATTEMPTS = 3;

  /** One request. {@code account} keys the rate-limit state (e.g. "bluesky:did:plc:…"). */
  public record Call(String method, URI uri, Map<String, String> headers, byte[] body, String account) {
    public static Call get(URI uri, String account, Map<String, String> headers) {
      return new Call("GET", uri, headers, null, account);
    }
  }

  private final OutboundHttp http;
  private final JsonMapper json;
  private final Clock clock;
  private final Map<String, Instant> notBefore = new ConcurrentHashMap<>();
  private final OutboundHttp.Policy policy;
  private volatile Duration backoffBase = Duration.ofMillis(250);

  RemoteApi(OutboundHttp http, JsonMapper json, Clock clock) {
    this.http = http;
    this.json = json;
    this.clock = clock;
    this.policy = new OutboundHttp.Policy(Duration.ofSeconds(10), Duration.ofSeconds(30), 20L * 1024 * 1024, 3);
  }

  /** For tests: shorter waits between retries. */
  void backoffBase(Duration base) {
    this.backoffBase = base;
  }

  public JsonMapper mapper() {
    return json;
  }

  public JsonNode json(Call call) {
    OutboundHttp.Response response = send(call);
    if (response.body().length == 0) {
      return json.nullNode();
    }
    try {
      return json.readTree(response.body());
    } catch (JacksonException e) {
      throw new AdapterException.Malformed("The answer of " + call.uri().getHost() + " to " + call.uri().getPath()
          + " is not valid JSON", e);
    }
  }

  public byte[] jsonBody(Object value) {
    return json.writeValueAsBytes(value);
  }

  public OutboundHttp.Response send(Call call) {
    gate(call);
    AdapterException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      OutboundHttp.Response response;
      try {
        response = http.send(call.method(), call.uri(), call.headers(), call.body(), policy);
      } catch (org.socius.platform.NetworkGuard.RefusedDestination e) {
        throw new AdapterException.Rejected(e.getMessage(), 0, null);
      } catch (OutboundHttp.OutboundException e) {
        last = new AdapterException.Transient(e.getMessage(), e);
        pause(attempt);
        continue;
      }
      remember(call, response);
      int status = response.status();
      if (status < 300) {
        return response;
      }
      if (status == 429 || (status == 503 && response.header("Retry-After").isPresent())) {
        Instant until = retryAfter(response).orElse(clock.instant().plusSeconds(60));
        notBefore.merge(call.account(), until, (a, b) -> a.isAfter(b) ? a : b);
        throw new AdapterException.RateLimited(call.uri().getHost() + " asks us to wait until " + until, until);
      }
      if (status == 408 || status >= 500) {
        last = new AdapterException.Transient(call.uri().getHost() + " answered " + status + " to " + call.uri().getPath(), null);
        pause(attempt);
        continue;
      }
      String error = errorText(response);
      if (status == 401) {
        throw new AdapterException.CredentialsRejected(call.uri().getHost() + " no longer accepts the credentials (" + error + ")");
      }
      throw new AdapterException.Rejected(call.uri().getHost() + " refused " + call.uri().getPath() + ": " + status + " " + error, status,
          errorCode(response));
    }
    throw last;
  }

  private void gate(Call call) {
    Instant now = clock.instant();
    Instant until = notBefore.get(call.account());
    if (until != null && until.isAfter(now)) {
      throw new AdapterException.RateLimited("Waiting for the rate limit of " + call.uri().getHost() + " until " + until, until);
    }
  }

  /** Remembers when the account's budget, by the last headers, is spent. */
  private void remember(Call call, OutboundHttp.Response response) {
    Map<String, String> h = new LinkedHashMap<>();
    for (String name : new String[] {"X-RateLimit-Remaining", "X-RateLimit-Reset", "RateLimit-Remaining", "RateLimit-Reset"}) {
      response.header(name).ifPresent(v -> h.put(name, v.strip()));
    }
    String remaining = h.getOrDefault("X-RateLimit-Remaining", h.get("RateLimit-Remaining"));
    String reset = h.getOrDefault("X-RateLimit-Reset", h.get("RateLimit-Reset"));
    if (remaining == null || reset == null) {
      return;
    }
    try {
      if (Long.parseLong(remaining) > 0) {
        notBefore.remove(call.account());
        return;
      }
      Instant until = reset.matches("\\d+") ? Instant.ofEpochSecond(Long.parseLong(reset)) : ZonedDateTime.parse(reset).toInstant();
      notBefore.put(call.account(), until);
    } catch (NumberFormatException | DateTimeParseException ignored) {
      // headers we cannot read are no reason to fail a good answer
    }
  }

  private java.util.Optional<Instant> retryAfter(OutboundHttp.Response response) {
    return response.header("Retry-After").map(String::strip).flatMap(v -> {
      try {
        return java.util.Optional.of(clock.instant().plusSeconds(Long.parseLong(v)));
      } catch (NumberFormatException e) {
        try {
          return java.util.Optional.of(ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e2) {
          return java.util.Optional.empty();
        }
      }
    }).or(() -> response.header("RateLimit-Reset").or(() -> response.header("X-RateLimit-Reset")).flatMap(v -> {
      try {
        return java.util.Optional.of(v.matches("\\d+") ? Instant.ofEpochSecond(Long.parseLong(v)) : ZonedDateTime.parse(v).toInstant());
      } catch (RuntimeException e) {
        return java.util.Optional.empty();
      }
    }));
  }

  private String errorCode(OutboundHttp.Response response) {
    try {
      JsonNode node = json.readTree(response.body());
      return node.path("error").isString() ? node.path("error").asString() : null;
    } catch (JacksonException | IllegalArgumentException e) {
      return null;
    }
  }

  private String errorText(OutboundHttp.Response response) {
    try {
      JsonNode node = json.readTree(response.body());
      String error = node.path("error").asString("");
      String message = node.path("message").asString(node.path("error_description").asString(""));
      String text = (error + (message.isEmpty() ? "" : ": " + message)).strip();
      return text.isEmpty() ? "no reason given" : text.length() > 300 ? text.substring(0, 300) : text;
    } catch (JacksonException | IllegalArgumentException e) {
      return "no reason given";
    }
  }

  private void pause(int attempt) {
    if (attempt >= ATTEMPTS) {
      return;
    }
    long base = backoffBase.toMillis() << (attempt - 1);
    long jitter = ThreadLocalRandom.current().nextLong(base / 2 + 1);
    try {
      Thread.sleep(base + jitter);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AdapterException.Transient("Interrupted while waiting to retry", e);
    }
  }
}
