package org.socius.networks.internal.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socius.networks.Channel;
import org.socius.networks.OutgoingPost;
import org.socius.networks.Published;
import org.socius.networks.Publisher;
import org.socius.networks.internal.ChannelRegistry;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.socius.testing.WebSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every request the adapter sends validates against the Mastodon API description, checked by a
 * real OpenAPI 3.1 validator: Prism runs as a validating proxy between Socius and a
 * {@link FakeMastodon} with fixtures (so the flows go on with complete answers), and checks the
 * fixtures' answers on the way back as well. A recording proxy in front of Prism keeps Prism's
 * verdict ({@code sl-violations}) for each exchange:
 *
 * <pre>Socius → recorder (WireMock) → Prism proxy → FakeMastodon</pre>
 *
 * One known defect of the description is tolerated, and checked otherwise: it declares the body
 * of {@code POST /api/v1/statuses} as {@code oneOf} TextStatus, MediaStatus, PollStatus, so a
 * status with text <em>and</em> images, which matches both TextStatus and MediaStatus, breaks
 * "exactly one". For those requests the only violation may be that {@code oneOf}, and the body
 * must validate against MediaStatus on its own.
 */
class MastodonContractTest {

  private static Prism prism;
  private static FakeMastodon fake;
  private static WireMockServer recorder;
  private static long prismStartMillis;

  @BeforeAll
  static void startPrism() {
    MastodonSpec.require();
    fake = new FakeMastodon().standard();
    long start = System.nanoTime();
    prism = Prism.proxy(fake.url());
    prismStartMillis = (System.nanoTime() - start) / 1_000_000;
    recorder = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true));
    recorder.start();
    recorder.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(prism.url())));
  }

  @AfterAll
  static void stopPrism() {
    if (recorder != null) {
      recorder.stop();
    }
    if (prism != null) {
      prism.close();
    }
    if (fake != null) {
      fake.close();
    }
  }

  @Test
  void everyRequestOfConnectingReadingAndPublishingValidates() throws Exception {
    recorder.resetRequests();
    MastodonKit kit = new MastodonKit(SociusApp.shared(Store.SQLITE), fake);
    String instance = recorder.baseUrl().replace("localhost", "127.0.0.1");
    String redirectUri = kit.app.baseUrl() + "/oauth/mastodon/callback";
    fake.json(post(urlPathEqualTo("/api/v1/apps")), "POST", "/api/v1/apps", 200,
        Fixtures.app("cid-contract", "secret-contract", redirectUri, ConnectMastodon.SCOPES));
    fake.json(post(urlPathEqualTo("/oauth/token")), "POST", "/oauth/token", 200, Fixtures.token(kit.token, ConnectMastodon.SCOPES));
    fake.unchecked(post(urlPathEqualTo("/oauth/revoke")), aResponse().withStatus(200));
    fake.unchecked(get(urlPathEqualTo("/oauth/authorize")), aResponse().withStatus(200).withHeader("Content-Type", "text/html")
        .withBody("<html>Authorize Socius?</html>"));
    ObjectNode ann = Fixtures.account("109", "ann@other.example", "Ann", "<p>Hi</p>");
    ObjectNode ours = Fixtures.status("500", fake.meAsAccount(), "<p>Bread</p>", "public", null, null, Fixtures.T0);
    fake.followers(Fixtures.array(ann), "9001");
    fake.followersAfter("9001", Fixtures.array(Fixtures.account("110", "bob", "Bob", "")), null);
    fake.notifications(Fixtures.array(Fixtures.notification("20", "favourite", ann, ours, Fixtures.T0)), "20");
    fake.notificationsAfter("20", Fixtures.array(), null);
    ObjectNode dm = Fixtures.status("501", ann, "<p>@socius hi</p>", "direct", null, null, Fixtures.T0);
    fake.conversations(Fixtures.array(Fixtures.conversation("30", dm, ann)), "501");
    fake.conversationsAfter("501", Fixtures.array(), null);
    fake.behaviour.processingPolls = 1;

    // connect through the consent page: app registration, the browser's visit, token exchange, verify_credentials
    WebSession web = kit.team.owner().web();
    String slug = kit.team.slug();
    WebSession.Response started = web.post("/w/" + slug + "/settings", "/w/" + slug + "/settings/channels/mastodon",
        Map.of("instance", instance));
    assertThat(started.status()).as("answer to the form").isEqualTo(302);
    String authorize = web.get(started.location()).header("Refresh").replaceFirst("^0; url=", "");
    HttpClient browser = HttpClient.newHttpClient();
    assertThat(browser.send(HttpRequest.newBuilder(URI.create(authorize)).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(200);
    String state = MastodonConnectTest.query(URI.create(authorize)).get("state");
    assertThat(web.get("/oauth/mastodon/callback?code=contract-code&state=" + state).status()).isEqualTo(302);
    kit.channel = kit.app.bean(ChannelRegistry.class).of(kit.team.workspaceId()).get(0);
    kit.awaitFirstSync(); // followers (two pages), the latest notifications and conversations
    assertThat(kit.channel().status()).as(kit.channel().statusDetail()).isEqualTo(Channel.Status.CONNECTED);
    kit.sync(); // notifications and conversations after the cursors

    // publish: instance rules, an image (upload, poll), a status with the image, then a reply in a thread
    Publisher publisher = kit.app.bean(Publisher.class);
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    Published withImage = publisher.publish(kit.team.workspaceId(), kit.channel.id(), new OutgoingPost(List.of("A loaf"),
        List.of(new OutgoingPost.Image(png, "image/png", "A sourdough loaf")), null, "public"), "contract-1");
    publisher.publish(kit.team.workspaceId(), kit.channel.id(), new OutgoingPost(List.of("First", "Second"), List.of(),
        null, "unlisted"), "contract-2");
    // a person's reply to Ann's message and a like of it, through the humanity rules
    ObjectNode annStatus = Fixtures.status("777", ann, "<p>Fresh bread?</p>", "public", null, null, Fixtures.T0);
    fake.json(post(urlPathEqualTo("/api/v1/statuses/777/favourite")), "POST", "/api/v1/statuses/{id}/favourite", 200, annStatus);
    String ownerId = kit.app.bean(org.springframework.jdbc.core.simple.JdbcClient.class).sql("SELECT id FROM users WHERE email = :e")
        .param("e", kit.team.owner().email()).query(String.class).single();
    org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
        new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
            new org.socius.team.internal.security.SignedInUser(ownerId, kit.team.owner().email()), null, List.of()));
    try {
      var annActor = new org.socius.networks.Actor("109", "@ann@other.example", "Ann", "", "", "", "");
      var messages = kit.app.bean(org.socius.networks.PersonalMessages.class);
      messages.send(kit.team.workspaceId(), kit.channel.id(), new org.socius.networks.PersonalMessages.Message(
          org.socius.networks.PersonalMessages.Kind.REPLY, annActor, "Yes, a sourdough loaf at noon.", "777", false, false, "contract-3"));
      messages.react(kit.team.workspaceId(), kit.channel.id(), org.socius.networks.PersonalMessages.Reaction.LIKE, annActor, "777");
    } finally {
      org.springframework.security.core.context.SecurityContextHolder.clearContext();
    }
    kit.disconnect();

    List<String> problems = new ArrayList<>();
    List<String> tolerated = new ArrayList<>();
    TreeSet<String> covered = new TreeSet<>();
    List<ServeEvent> exchanges = new ArrayList<>(recorder.getAllServeEvents());
    exchanges.sort((a, b) -> a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()));
    for (ServeEvent e : exchanges) {
      String method = e.getRequest().getMethod().getName();
      String path = e.getRequest().getUrl().split("\\?")[0];
      covered.add(method + " " + path.replaceAll("/api/v1/media/[^/]+", "/api/v1/media/{id}")
          .replaceAll("/api/v1/accounts/\\d+/followers", "/api/v1/accounts/{id}/followers")
          .replaceAll("/api/v1/statuses/\\d+/favourite", "/api/v1/statuses/{id}/favourite"));
      String header = e.getResponse().getHeaders().getHeader("sl-violations").isPresent()
          ? e.getResponse().getHeaders().getHeader("sl-violations").firstValue() : null;
      String what = method + " " + e.getRequest().getUrl() + " → " + e.getResponse().getStatus();
      if (e.getResponse().getStatus() == 422 && header == null) {
        problems.add(what + ": refused by Prism");
      }
      for (JsonNode v : violations(header)) {
        boolean request = v.path("location").path(0).asString().equals("request");
        if (request && knownStatusOneOfDefect(method, path, v, e.getRequest().getBodyAsString())) {
          tolerated.add(what + ": " + v);
          continue;
        }
        problems.add(what + ": " + v);
      }
    }
    System.out.println("Prism proxy started in " + prismStartMillis + " ms; exchanges checked: " + exchanges.size() + " " + covered
        + "; tolerated: " + tolerated);
    assertThat(problems).as("violations reported by Prism").isEmpty();
    assertThat(tolerated).as("the description's oneOf defect, for the one status with text and an image").hasSize(1);
    assertThat(covered).contains("POST /api/v1/apps", "GET /oauth/authorize", "POST /oauth/token",
        "GET /api/v1/accounts/verify_credentials", "GET /api/v1/accounts/{id}/followers", "GET /api/v1/notifications",
        "GET /api/v1/conversations", "GET /api/v2/instance", "POST /api/v2/media", "GET /api/v1/media/{id}",
        "POST /api/v1/statuses", "POST /api/v1/statuses/{id}/favourite", "POST /oauth/revoke");
    assertThat(exchanges).filteredOn(e -> e.getRequest().getUrl().equals("/oauth/revoke"))
        .allMatch(e -> e.getRequest().getBodyAsString().contains("cid-contract")).hasSize(1);
    assertThat(exchanges).filteredOn(e -> e.getRequest().getUrl().equals("/api/v1/statuses"))
        .allMatch(e -> e.getRequest().getHeader("Idempotency-Key").matches("(pm:)?contract-.*")).hasSize(4);
    assertThat(exchanges).filteredOn(e -> e.getRequest().getUrl().startsWith("/api/v1/notifications?"))
        .anyMatch(e -> e.getRequest().getUrl().contains("min_id=20"));
  }

  /** The same check catches what it must: a request without a token and with a bad parameter, and a broken answer. */
  @Test
  void theCheckSeesBadRequestsAndBadAnswers() throws Exception {
    fake.unchecked(get(urlPathEqualTo("/api/v1/conversations")).atPriority(1),
        FakeMastodon.jsonResponse(200, "[{\"id\": 5}]"));
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(recorder.baseUrl() + "/api/v1/conversations?limit=many"))
        .build(), HttpResponse.BodyHandlers.ofString());
    List<JsonNode> found = violations(r.headers().firstValue("sl-violations").orElse(null));
    assertThat(found).anyMatch(v -> v.path("location").path(0).asString().equals("request") && v.toString().contains("limit"))
        .anyMatch(v -> v.path("location").path(0).asString().equals("request") && v.toString().contains("security"))
        .anyMatch(v -> v.path("location").path(0).asString().equals("response"));
    fake.server.removeStub(fake.server.getStubMappings().stream().filter(m -> m.getPriority() != null && m.getPriority() == 1)
        .findFirst().orElseThrow());
  }

  /** The oneOf of TextStatus/MediaStatus/PollStatus with a body that has text and media: valid as MediaStatus. */
  private static boolean knownStatusOneOfDefect(String method, String path, JsonNode violation, String body) {
    if (!method.equals("POST") || !path.equals("/api/v1/statuses") || !violation.path("code").asString().equals("oneOf")) {
      return false;
    }
    JsonNode json = Fixtures.JSON.readTree(body);
    return json.has("media_ids") && json.has("status") && MastodonSpec.schemaErrors("MediaStatus", json).isEmpty()
        && MastodonSpec.schemaErrors("TextStatus", json).isEmpty();
  }

  private static List<JsonNode> violations(String header) {
    if (header == null || header.isBlank()) {
      return List.of();
    }
    int bracket = header.indexOf('[');
    try {
      List<JsonNode> list = new ArrayList<>();
      Fixtures.JSON.readTree(header.substring(Math.max(0, bracket))).forEach(list::add);
      return list;
    } catch (RuntimeException e) {
      return List.of(Fixtures.JSON.getNodeFactory().stringNode(header));
    }
  }
}
