package org.socius.networks.internal.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A programmable Mastodon server (WireMock on 127.0.0.1) for behaviour and fault tests. Every
 * JSON body it serves is first checked against the API description when that is present
 * ({@link MastodonSpec}); a test that feeds a deliberately broken body says so with
 * {@link #unchecked}. Creating statuses follows Mastodon's {@code Idempotency-Key} rules: a
 * repeated key returns the status made first; media uploads answer 202 and are ready after a
 * poll.
 */
final class FakeMastodon implements AutoCloseable {

  static final String ME_ID = "1";
  static final DateTimeFormatter RESET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  final WireMockServer server;
  final Behaviour behaviour;
  final ObjectNode me = Fixtures.credentialAccount(ME_ID, "socius", "Socius Café", "<p>Bread &amp; <b>talk</b></p>");

  FakeMastodon() {
    behaviour = new Behaviour(this);
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true).extensions(behaviour));
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.port();
  }

  String host() {
    return "127.0.0.1";
  }

  /** The account as it appears inside statuses (without the signed-in extras). */
  ObjectNode meAsAccount() {
    ObjectNode a = me.deepCopy();
    a.remove("source");
    a.remove("role");
    return a;
  }

  /** A quiet server: instance rules, the signed-in account, no followers, no notifications, no conversations. */
  FakeMastodon standard() {
    instance(500, 23, 4);
    json(get(urlPathEqualTo("/api/v1/accounts/verify_credentials")), "GET", "/api/v1/accounts/verify_credentials", 200, me);
    followers(Fixtures.array(), null);
    notifications(Fixtures.array(), null);
    conversations(Fixtures.array(), null);
    server.stubFor(post(urlPathEqualTo("/api/v1/statuses")).willReturn(aResponse().withTransformers(Behaviour.NAME)));
    server.stubFor(post(urlPathEqualTo("/api/v2/media")).willReturn(aResponse().withTransformers(Behaviour.NAME)));
    server.stubFor(get(urlPathMatching("/api/v1/media/[^/]+")).willReturn(aResponse().withTransformers(Behaviour.NAME)));
    return this;
  }

  void instance(int maxCharacters, int perUrl, int maxMedia) {
    json(get(urlPathEqualTo("/api/v2/instance")), "GET", "/api/v2/instance", 200, Fixtures.instance("127.0.0.1", maxCharacters, perUrl, maxMedia));
  }

  /** The latest page (no cursor), with a Link header naming {@code prevMinId} when given. */
  void notifications(ArrayNode page, String prevMinId) {
    json(get(urlPathEqualTo("/api/v1/notifications")).withQueryParam("min_id", absent()), "GET", "/api/v1/notifications", 200, page,
        link("/api/v1/notifications", page, prevMinId));
  }

  /** The page after {@code minId}. */
  void notificationsAfter(String minId, ArrayNode page, String prevMinId) {
    json(get(urlPathEqualTo("/api/v1/notifications")).withQueryParam("min_id", equalTo(minId)), "GET", "/api/v1/notifications", 200,
        page, link("/api/v1/notifications", page, prevMinId));
  }

  void conversations(ArrayNode page, String prevMinId) {
    json(get(urlPathEqualTo("/api/v1/conversations")).withQueryParam("min_id", absent()), "GET", "/api/v1/conversations", 200, page,
        link("/api/v1/conversations", page, prevMinId));
  }

  void conversationsAfter(String minId, ArrayNode page, String prevMinId) {
    json(get(urlPathEqualTo("/api/v1/conversations")).withQueryParam("min_id", equalTo(minId)), "GET", "/api/v1/conversations", 200,
        page, link("/api/v1/conversations", page, prevMinId));
  }

  /** The first page of followers; {@code nextMaxId} is the server's cursor for the next (older) page. */
  void followers(ArrayNode page, String nextMaxId) {
    json(get(urlPathEqualTo("/api/v1/accounts/" + ME_ID + "/followers")).withQueryParam("max_id", absent()), "GET",
        "/api/v1/accounts/{id}/followers", 200, page, followersLink(nextMaxId));
  }

  void followersAfter(String maxId, ArrayNode page, String nextMaxId) {
    json(get(urlPathEqualTo("/api/v1/accounts/" + ME_ID + "/followers")).withQueryParam("max_id", equalTo(maxId)), "GET",
        "/api/v1/accounts/{id}/followers", 200, page, followersLink(nextMaxId));
  }

  private String link(String path, ArrayNode page, String prevMinId) {
    if (page.isEmpty()) {
      return null;
    }
    String oldest = page.get(page.size() - 1).path("id").asString();
    String next = "<" + url() + path + "?max_id=" + oldest + ">; rel=\"next\"";
    return prevMinId == null ? next : next + ", <" + url() + path + "?min_id=" + prevMinId + ">; rel=\"prev\"";
  }

  private String followersLink(String nextMaxId) {
    return nextMaxId == null ? null
        : "<" + url() + "/api/v1/accounts/" + ME_ID + "/followers?max_id=" + nextMaxId + ">; rel=\"next\", <" + url()
            + "/api/v1/accounts/" + ME_ID + "/followers?since_id=999999>; rel=\"prev\"";
  }

  /** Serves a JSON body after checking it against the operation's response schema. */
  void json(MappingBuilder request, String method, String pathTemplate, int status, JsonNode body) {
    json(request, method, pathTemplate, status, body, null);
  }

  void json(MappingBuilder request, String method, String pathTemplate, int status, JsonNode body, String link) {
    check(method, pathTemplate, status, body);
    ResponseDefinitionBuilder response = jsonResponse(status, body.toString());
    if (link != null) {
      response.withHeader("Link", link);
    }
    server.stubFor(request.willReturn(response));
  }

  /** Serves a body that is wrong on purpose (bad JSON, an item without its fields); not checked. */
  void unchecked(MappingBuilder request, ResponseDefinitionBuilder response) {
    server.stubFor(request.willReturn(response));
  }

  static void check(String method, String pathTemplate, int status, JsonNode body) {
    if (MastodonSpec.available()) {
      assertThat(MastodonSpec.responseErrors(method, pathTemplate, status, body))
          .as("fixture for %s %s %d must match the Mastodon API description", method, pathTemplate, status).isEmpty();
    }
  }

  /** A JSON answer with rate-limit headers as Mastodon sends them (plenty left). */
  static ResponseDefinitionBuilder jsonResponse(int status, String body) {
    return limited(status, body, 299, Instant.now().plus(5, ChronoUnit.MINUTES));
  }

  /** A JSON answer whose rate-limit headers say {@code remaining} requests are left until {@code reset}. */
  static ResponseDefinitionBuilder limited(int status, String body, int remaining, Instant reset) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
        .withHeader("X-RateLimit-Limit", "300").withHeader("X-RateLimit-Remaining", String.valueOf(remaining))
        .withHeader("X-RateLimit-Reset", RESET.format(reset)).withBody(body);
  }

  List<LoggedRequest> requests(String method, String path) {
    return server.getAllServeEvents().stream().map(ServeEvent::getRequest)
        .filter(r -> r.getMethod().getName().equals(method) && r.getUrl().split("\\?")[0].equals(path))
        .sorted((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate())).toList();
  }

  int requestCount() {
    return server.getAllServeEvents().size();
  }

  @Override
  public void close() {
    server.stop();
  }

  /** Statuses with idempotency keys, and media that need one poll before they are ready. */
  static final class Behaviour implements ResponseDefinitionTransformerV2 {
    static final String NAME = "fake-mastodon";
    private static final Pattern MEDIA = Pattern.compile("/api/v1/media/([^/?]+)");

    private final FakeMastodon fake;
    final List<ObjectNode> statuses = Collections.synchronizedList(new ArrayList<>());
    final Map<String, ObjectNode> byKey = new ConcurrentHashMap<>();
    final Map<String, ObjectNode> media = new ConcurrentHashMap<>();
    final Map<String, Integer> polls = new ConcurrentHashMap<>();
    final List<String> descriptions = Collections.synchronizedList(new ArrayList<>());
    /** How many status answers to drop (connection reset) after the status was made. */
    final AtomicInteger dropAnswers = new AtomicInteger();
    /** How many repeats of a known key to answer 503, as while the first request still runs. */
    final AtomicInteger busyAnswers = new AtomicInteger();
    /** How many 206 answers a new attachment gets before it is ready. */
    volatile int processingPolls = 1;
    private final AtomicInteger ids = new AtomicInteger(1000);

    Behaviour(FakeMastodon fake) {
      this.fake = fake;
    }

    @Override
    public String getName() {
      return NAME;
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      Request request = event.getRequest();
      String path = request.getUrl().split("\\?")[0];
      if (path.equals("/api/v1/statuses")) {
        return status(request);
      }
      if (path.equals("/api/v2/media")) {
        return upload(request);
      }
      Matcher m = MEDIA.matcher(path);
      if (m.matches()) {
        return poll(m.group(1));
      }
      return ResponseDefinitionBuilder.responseDefinition().withStatus(404).build();
    }

    private synchronized ResponseDefinition status(Request request) {
      String key = request.getHeader("Idempotency-Key");
      ObjectNode existing = key == null ? null : byKey.get(key);
      if (existing != null) {
        if (busyAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
          return json(503, Fixtures.error("Another identical request is in progress"), "POST", "/api/v1/statuses");
        }
        return json(200, existing, "POST", "/api/v1/statuses");
      }
      JsonNode body = Fixtures.JSON.readTree(request.getBodyAsString());
      String id = String.valueOf(ids.incrementAndGet());
      String replyTo = body.path("in_reply_to_id").asString(null);
      ObjectNode status = Fixtures.status(id, fake.meAsAccount(), "<p>" + escape(body.path("status").asString("")) + "</p>",
          body.path("visibility").asString("public"), replyTo, replyTo == null ? null : ME_ID, Instant.now());
      ArrayNode attachments = status.putArray("media_attachments");
      for (JsonNode mediaId : body.path("media_ids")) {
        ObjectNode m = media.get(mediaId.asString());
        if (m == null || m.path("url").isNull()) {
          return json(422, Fixtures.error("Cannot attach files that have not finished processing. Try again in a moment!"),
              "POST", "/api/v1/statuses");
        }
        attachments.add(m);
      }
      statuses.add(status);
      if (key != null) {
        byKey.put(key, status);
      }
      if (dropAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        return ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
      }
      return json(200, status, "POST", "/api/v1/statuses");
    }

    private ResponseDefinition upload(Request request) {
      String description = "";
      boolean file = false;
      for (Request.Part part : request.getParts()) {
        if (part.getName().equals("description")) {
          description = new String(part.getBody().asBytes(), StandardCharsets.UTF_8);
        } else if (part.getName().equals("file")) {
          file = part.getBody().asBytes().length > 0;
        }
      }
      if (!file) {
        return json(422, Fixtures.error("Validation failed: File can't be blank"), "POST", "/api/v2/media");
      }
      descriptions.add(description);
      String id = "m" + ids.incrementAndGet();
      ObjectNode m = Fixtures.media(id, null, description);
      media.put(id, m);
      polls.put(id, processingPolls);
      return json(202, m, "POST", "/api/v2/media");
    }

    private ResponseDefinition poll(String id) {
      ObjectNode m = media.get(id);
      if (m == null) {
        return json(404, Fixtures.error("Record not found"), "GET", "/api/v1/media/{id}");
      }
      if (polls.merge(id, -1, Integer::sum) >= 0) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(206).build();
      }
      m.put("url", "https://files.local.example/media/" + id + ".png");
      return json(200, m, "GET", "/api/v1/media/{id}");
    }

    private static ResponseDefinition json(int status, JsonNode body, String method, String template) {
      check(method, template, status, body);
      return jsonResponse(status, body.toString()).build();
    }

    private static String escape(String s) {
      return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
  }
}
