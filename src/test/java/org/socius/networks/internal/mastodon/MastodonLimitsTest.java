package org.socius.networks.internal.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.networks.Channel;
import org.socius.networks.NetworkEvent;
import org.socius.networks.OutgoingPost;
import org.socius.networks.PublishFailure;
import org.socius.networks.Publisher;
import org.socius.networks.internal.AdapterException;
import org.socius.testing.Store;
import tools.jackson.databind.node.ObjectNode;

/** The server's limits and faults: 429 with rate-limit headers, 503 with Retry-After, a timeout. */
class MastodonLimitsTest extends FakeMastodonTest {

  @ParameterizedTest
  @EnumSource(Store.class)
  void aTooManyRequestsAnswerStopsEveryRequestOfTheAccountUntilTheReset(Store store) {
    startConnected(store);
    Instant reset = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS).plusNanos(123_000);
    fake.unchecked(get(urlPathEqualTo("/api/v1/notifications")).withQueryParam("min_id", absent()),
        FakeMastodon.limited(429, Fixtures.error("Too many requests").toString(), 0, reset));
    FakeMastodon.check("GET", "/api/v1/notifications", 429, Fixtures.error("Too many requests"));
    Instant next = kit.sync();

    Channel channel = kit.channel();
    assertThat(channel.status()).isEqualTo(Channel.Status.RATE_LIMITED);
    assertThat(channel.rateLimitedUntil()).isEqualTo(reset.truncatedTo(ChronoUnit.MILLIS));
    assertThat(next).isEqualTo(reset);
    assertThat(fake.requests("GET", "/api/v1/notifications")).as("429 is not retried").hasSize(2); // first sync + this one
    int requests = fake.requestCount();

    // the sync waits for the reset, and the adapter itself refuses to send before it
    assertThat(kit.sync()).isEqualTo(reset.truncatedTo(ChronoUnit.MILLIS));
    assertThatThrownBy(() -> kit.app.bean(MastodonAdapter.class).activity(kit.session(), null))
        .isInstanceOfSatisfying(AdapterException.RateLimited.class, e -> assertThat(e.until()).isEqualTo(reset));
    assertThatThrownBy(() -> kit.app.bean(MastodonAdapter.class).followers(kit.session(), null))
        .isInstanceOf(AdapterException.RateLimited.class);
    assertThat(fake.requestCount()).as("nothing was sent before the reset").isEqualTo(requests);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void whenTheHeadersSayNothingIsLeftTheNextRequestWaitsForTheReset(Store store) {
    startConnected(store);
    Instant reset = Instant.now().plus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MICROS);
    ObjectNode mention = Fixtures.status("800", Fixtures.account("8", "kim@k.example", "Kim", ""), "<p>@socius hey</p>", "public",
        null, null, Fixtures.T0);
    var page = Fixtures.array(Fixtures.notification("80", "mention", Fixtures.account("8", "kim@k.example", "Kim", ""), mention,
        Fixtures.T0));
    FakeMastodon.check("GET", "/api/v1/notifications", 200, page);
    fake.unchecked(get(urlPathEqualTo("/api/v1/notifications")).withQueryParam("min_id", absent()),
        FakeMastodon.limited(200, page.toString(), 0, reset));
    int conversations = fake.requests("GET", "/api/v1/conversations").size();
    kit.sync();
    Channel channel = kit.channel();
    assertThat(channel.status()).isEqualTo(Channel.Status.RATE_LIMITED);
    assertThat(channel.rateLimitedUntil()).isEqualTo(reset.truncatedTo(ChronoUnit.MILLIS));
    assertThat(fake.requests("GET", "/api/v1/conversations")).as("not sent: the last answer left nothing").hasSize(conversations);
    assertThat(kit.events()).as("kept for the sync after the reset, which reads the page again").isEmpty();
    assertThat(kit.activityState()).isEqualTo("{}");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void theStatusLimitStopsPostingUntilItsReset(Store store) {
    startConnected(store);
    Instant reset = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS);
    fake.unchecked(post(urlPathEqualTo("/api/v1/statuses")).atPriority(1),
        FakeMastodon.limited(429, Fixtures.error("Too many requests").toString(), 0, reset));
    Publisher publisher = kit.app.bean(Publisher.class);
    assertThatThrownBy(() -> publisher.publish(kit.team.workspaceId(), kit.channel.id(), OutgoingPost.text("One"), "limit-1"))
        .isInstanceOfSatisfying(PublishFailure.class, f -> {
          assertThat(f.retryable()).isTrue();
          assertThat(f.retryAfter()).isEqualTo(reset);
        });
    assertThatThrownBy(() -> publisher.publish(kit.team.workspaceId(), kit.channel.id(), OutgoingPost.text("Two"), "limit-2"))
        .isInstanceOfSatisfying(PublishFailure.class, f -> assertThat(f.retryAfter()).isEqualTo(reset));
    assertThat(fake.requests("POST", "/api/v1/statuses")).as("the second post was not sent").hasSize(1);
    // reading is limited separately from posting statuses
    kit.sync();
    assertThat(kit.channel().status()).isEqualTo(Channel.Status.CONNECTED);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aServiceUnavailableAnswerWithRetryAfterIsObeyed(Store store) {
    startConnected(store);
    fake.unchecked(get(urlPathEqualTo("/api/v1/notifications")).withQueryParam("min_id", absent()),
        FakeMastodon.jsonResponse(503, Fixtures.error("Down for maintenance").toString()).withHeader("Retry-After", "120"));
    Instant before = Instant.now();
    Instant next = kit.sync();
    Channel channel = kit.channel();
    assertThat(channel.status()).isEqualTo(Channel.Status.RATE_LIMITED);
    MastodonKit.assertAbout(channel.rateLimitedUntil(), before.plusSeconds(120), Duration.ofSeconds(5));
    MastodonKit.assertAbout(next, before.plusSeconds(120), Duration.ofSeconds(5));
    assertThat(fake.requests("GET", "/api/v1/notifications")).hasSize(2);
  }

  /** Waits out the HTTP client's 30-second limit once, so it runs on one store only. */
  @Test
  void aTimeoutIsRetriedAndTheSyncGoesOn() {
    startConnected(Store.SQLITE);
    ObjectNode mention = Fixtures.status("700", Fixtures.account("5", "sam@s.example", "Sam", ""), "<p>@socius hi</p>", "public",
        null, null, Fixtures.T0);
    String page = Fixtures.array(Fixtures.notification("70", "mention", Fixtures.account("5", "sam@s.example", "Sam", ""), mention,
        Fixtures.T0)).toString();
    FakeMastodon.check("GET", "/api/v1/notifications", 200, Fixtures.JSON.readTree(page));
    fake.unchecked(get(urlPathEqualTo("/api/v1/notifications")).withQueryParam("min_id", absent()).inScenario("slow")
        .whenScenarioStateIs(STARTED).willSetStateTo("answering"), FakeMastodon.jsonResponse(200, page).withFixedDelay(35_000));
    fake.unchecked(get(urlPathEqualTo("/api/v1/notifications")).withQueryParam("min_id", absent()).inScenario("slow")
        .whenScenarioStateIs("answering"), FakeMastodon.jsonResponse(200, page));
    kit.sync();
    assertThat(kit.channel().status()).isEqualTo(Channel.Status.CONNECTED);
    assertThat(kit.events()).extracting(NetworkEvent::remoteId).containsExactly("notification:70");
    assertThat(fake.requests("GET", "/api/v1/notifications")).hasSize(3); // first sync, the stalled one, its retry
  }
}
