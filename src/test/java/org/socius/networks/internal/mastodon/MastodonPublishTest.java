package org.socius.networks.internal.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.networks.Network;
import org.socius.networks.OutgoingPost;
import org.socius.networks.PostRules;
import org.socius.networks.PublishFailure;
import org.socius.networks.Published;
import org.socius.networks.Publisher;
import org.socius.platform.DomainException;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import tools.jackson.databind.JsonNode;

/** Publishing through the real {@link Publisher} bean: exactly once per key, threads, images, and the length rules. */
class MastodonPublishTest extends FakeMastodonTest {

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
  private static final byte[] GIF = {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0};

  private Published publish(OutgoingPost post, String key) {
    return kit.app.bean(Publisher.class).publish(kit.team.workspaceId(), kit.channel.id(), post, key);
  }

  private List<LoggedRequest> statusPosts() {
    return fake.requests("POST", "/api/v1/statuses");
  }

  private static JsonNode body(LoggedRequest r) {
    return Fixtures.JSON.readTree(r.getBodyAsString());
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void publishesOncePerIdempotencyKey(Store store) {
    startConnected(store);
    Published first = publish(new OutgoingPost(List.of("Fresh bread at 7 https://bakery.example/today"), List.of(), null, "unlisted"),
        "post-1");
    assertThat(fake.behaviour.statuses).hasSize(1);
    String id = fake.behaviour.statuses.get(0).path("id").asString();
    assertThat(first.first().remoteId()).isEqualTo(id);
    assertThat(first.first().url()).isEqualTo("https://local.example/@socius/" + id);
    LoggedRequest sent = statusPosts().get(0);
    assertThat(sent.getHeader("Idempotency-Key")).isEqualTo("post-1:0");
    assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + kit.token);
    assertThat(sent.getHeader("Content-Type")).startsWith("application/json");
    assertThat(body(sent).path("status").asString()).isEqualTo("Fresh bread at 7 https://bakery.example/today");
    assertThat(body(sent).path("visibility").asString()).isEqualTo("unlisted");
    assertThat(body(sent).has("in_reply_to_id")).isFalse();
    assertThat(body(sent).has("media_ids")).isFalse();

    Published again = publish(OutgoingPost.text("Fresh bread at 7 https://bakery.example/today"), "post-1");
    assertThat(again).isEqualTo(first);
    assertThat(statusPosts()).as("a repeated key is answered from the log, not sent").hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void anAnswerLostAfterTheServerMadeTheStatusIsRetriedWithTheSameKeyAndMakesOneStatus(Store store) {
    startConnected(store);
    fake.behaviour.dropAnswers.set(1);
    Published published = publish(OutgoingPost.text("Once only"), "post-2");
    assertThat(fake.behaviour.statuses).as("statuses on the server").hasSize(1);
    assertThat(published.first().remoteId()).isEqualTo(fake.behaviour.statuses.get(0).path("id").asString());
    assertThat(statusPosts()).hasSize(2).allMatch(r -> r.getHeader("Idempotency-Key").equals("post-2:0"));
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aRepeatAnswered503WhileTheFirstStillRunsWaitsAndTriesAgainWithTheSameKey(Store store) {
    startConnected(store);
    fake.behaviour.dropAnswers.set(1);
    fake.behaviour.busyAnswers.set(3); // more 503s than one round of RemoteApi's retries
    Published published = publish(OutgoingPost.text("Patience"), "post-3");
    assertThat(fake.behaviour.statuses).hasSize(1);
    assertThat(published.first().remoteId()).isEqualTo(fake.behaviour.statuses.get(0).path("id").asString());
    assertThat(statusPosts()).hasSize(5).allMatch(r -> r.getHeader("Idempotency-Key").equals("post-3:0"));
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aThreadIsAReplyChainThatResumesWhereItStopped(Store store) {
    startConnected(store);
    // the third part is refused once
    fake.unchecked(post(urlPathEqualTo("/api/v1/statuses")).withRequestBody(containing("Part three")).atPriority(1),
        FakeMastodon.jsonResponse(422, Fixtures.error("Validation failed: Text character limit").toString()));
    // (a queue post starts no reply: replies to people go through the personal messages guard)
    OutgoingPost thread = new OutgoingPost(List.of("Part one", "Part two", "Part three"), List.of(), null, "public");
    assertThatThrownBy(() -> publish(thread, "thread-1")).isInstanceOfSatisfying(PublishFailure.class,
        f -> assertThat(f.retryable()).isFalse());
    assertThat(fake.behaviour.statuses).hasSize(2);
    String one = fake.behaviour.statuses.get(0).path("id").asString();
    String two = fake.behaviour.statuses.get(1).path("id").asString();

    fake.server.resetMappings();
    fake.standard();
    Published published = publish(thread, "thread-1");
    assertThat(fake.behaviour.statuses).hasSize(3);
    String three = fake.behaviour.statuses.get(2).path("id").asString();
    assertThat(published.parts()).extracting(Published.Part::remoteId).containsExactly(one, two, three);
    List<LoggedRequest> posts = statusPosts();
    assertThat(posts).extracting(r -> r.getHeader("Idempotency-Key"))
        .containsExactly("thread-1:0", "thread-1:1", "thread-1:2", "thread-1:2");
    assertThat(body(posts.get(0)).path("in_reply_to_id").isMissingNode()).isTrue();
    assertThat(body(posts.get(1)).path("in_reply_to_id").asString()).isEqualTo(one);
    assertThat(body(posts.get(3)).path("in_reply_to_id").asString()).isEqualTo(two);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void imagesAreUploadedWithTheirAltTextAndAwaitedBeforeThePost(Store store) {
    startConnected(store);
    fake.behaviour.processingPolls = 2;
    OutgoingPost post = new OutgoingPost(List.of("Two loaves"), List.of(new OutgoingPost.Image(PNG, "image/png", "A sourdough loaf"),
        new OutgoingPost.Image(PNG, "image/jpeg", "A rye loaf, sliced")), null, "public");
    Published published = publish(post, "images-1");
    assertThat(fake.behaviour.descriptions).containsExactly("A sourdough loaf", "A rye loaf, sliced");
    List<LoggedRequest> uploads = fake.requests("POST", "/api/v2/media");
    assertThat(uploads).hasSize(2);
    assertThat(uploads.get(0).getHeader("Content-Type")).startsWith("multipart/form-data; boundary=");
    assertThat(uploads.get(0).getPart("file").getHeader("Content-Type").firstValue()).isEqualTo("image/png");
    assertThat(uploads.get(0).getPart("file").getBody().asBytes()).isEqualTo(PNG);
    assertThat(uploads.get(1).getPart("file").getHeader("Content-Type").firstValue())
        .as("declared as JPEG, sent as what the bytes are").isEqualTo("image/png");
    assertThat(fake.requests("GET", "/api/v1/media/m1001")).hasSize(3); // 206, 206, 200
    JsonNode sent = body(statusPosts().get(0));
    assertThat(sent.path("media_ids")).extracting(JsonNode::asString).containsExactly("m1001", "m1002");
    assertThat(sent.path("status").asString()).isEqualTo("Two loaves");
    assertThat(fake.behaviour.statuses.get(0).path("media_attachments")).hasSize(2);
    assertThat(published.first().remoteId()).isEqualTo(fake.behaviour.statuses.get(0).path("id").asString());
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void theLengthRulesOfTheServerAreCheckedBeforeAnythingIsSent(Store store) {
    startConnected(store);
    String url = "https://bakery.example/" + "a".repeat(200); // counts 23
    String exactly500 = "x".repeat(500 - 24) + " " + url;
    MastodonAdapter adapter = kit.app.bean(MastodonAdapter.class);
    adapter.validate(kit.channel(), OutgoingPost.text(exactly500));
    adapter.validate(kit.channel(), OutgoingPost.text("x".repeat(490) + " @ann@a.very.long.domain.example")); // 490 + 1 + 4
    adapter.validate(kit.channel(), OutgoingPost.text("\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67".repeat(500))); // families

    assertInvalid(OutgoingPost.text(exactly500 + "!"), "text", "This is 501 characters long; 127.0.0.1 allows at most 500.");
    assertInvalid(OutgoingPost.text("x".repeat(496) + " @ann@b.example"), "text", "This is 501 characters long");
    assertInvalid(new OutgoingPost(List.of("ok", "y".repeat(501)), List.of(), null, "public"), "text", "501");
    OutgoingPost.Image image = new OutgoingPost.Image(PNG, "image/png", "A loaf");
    assertInvalid(new OutgoingPost(List.of("Five"), Collections.nCopies(5, image), null, "public"), "images",
        "At most 4 images can be attached.");
    adapter.validate(kit.channel(), new OutgoingPost(List.of("No alt"), List.of(new OutgoingPost.Image(PNG, "image/png", " ")), null,
        "public")); // whether alt text is required is the workspace's policy, not the network's
    assertInvalid(new OutgoingPost(List.of("A GIF"), List.of(new OutgoingPost.Image(GIF, "image/png", "")), null, "public"),
        "images", "Only these kinds of image can be attached here: PNG, JPEG."); // what this server lists
    assertInvalid(new OutgoingPost(List.of("Not an image"), List.of(new OutgoingPost.Image("<svg/>".getBytes(), "image/png", "x")),
        null, "public"), "images", "PNG, JPEG");
    assertInvalid(new OutgoingPost(List.of("Hi"), List.of(), null, "friends"), "visibility", "public, unlisted, private or direct");

    assertThat(statusPosts()).isEmpty();
    assertThat(fake.requests("POST", "/api/v2/media")).isEmpty();
    assertThat(fake.requests("GET", "/api/v2/instance")).as("the server's rules are kept for an hour").hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aServerWithLongerPostsAllowsThem(Store store) {
    fake = new FakeMastodon().standard();
    fake.instance(5000, 23, 4);
    kit = new MastodonKit(SociusApp.shared(store), fake);
    kit.connect();
    Published published = publish(OutgoingPost.text("z".repeat(4000)), "long-1");
    assertThat(published.parts()).hasSize(1);
    assertInvalid(OutgoingPost.text("z".repeat(5001)), "text", "allows at most 5,000");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void rulesAndCheckFollowTheServerAndSendNothing(Store store) {
    fake = new FakeMastodon().standard();
    fake.instance(1000, 23, 4);
    kit = new MastodonKit(SociusApp.shared(store), fake);
    kit.connect();
    Publisher publisher = kit.app.bean(Publisher.class);
    String ws = kit.team.workspaceId();

    PostRules rules = publisher.rules(ws, kit.channel.id());
    assertThat(rules).isEqualTo(new PostRules(Network.MASTODON, 1000, 23, 4, 16_777_216, Set.of("image/png", "image/jpeg")));
    assertThat(rules.imageTypes()).containsExactly("image/png", "image/jpeg");
    assertThat(rules.length("Fresh https://bakery.example/" + "a".repeat(100) + " @ann@bakery.example")).isEqualTo(6 + 23 + 1 + 4);

    publisher.check(ws, kit.channel.id(), OutgoingPost.text("y".repeat(1000)));
    publisher.check(ws, kit.channel.id(), new OutgoingPost(List.of(""), List.of(new OutgoingPost.Image(PNG, "image/png", "")), null,
        "public"));
    assertThatThrownBy(() -> publisher.check(ws, kit.channel.id(), OutgoingPost.text("y".repeat(1001))))
        .isInstanceOfSatisfying(DomainException.Invalid.class, e -> {
          assertThat(e.field()).isEqualTo("text");
          assertThat(e.getMessage()).isEqualTo("This is 1,001 characters long; 127.0.0.1 allows at most 1,000.");
        });
    assertThatThrownBy(() -> publisher.rules(ws, "no-such-channel")).isInstanceOf(DomainException.NotFound.class);
    assertThatThrownBy(() -> publisher.check(ws, "no-such-channel", OutgoingPost.text("x")))
        .isInstanceOf(DomainException.NotFound.class);

    kit.disconnect(); // the credentials are gone; the server's rules are public
    assertThat(publisher.rules(ws, kit.channel.id())).isEqualTo(rules);
    assertThatThrownBy(() -> publisher.check(ws, kit.channel.id(), OutgoingPost.text("y".repeat(1001))))
        .isInstanceOf(DomainException.Invalid.class);

    assertThat(statusPosts()).isEmpty();
    assertThat(fake.requests("POST", "/api/v2/media")).isEmpty();
    assertThat(fake.requests("GET", "/api/v2/instance")).hasSize(1)
        .allMatch(r -> !r.containsHeader("Authorization"), "asked without the token");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aServerThatDoesNotTellItsRulesGetsMastodonsDefaults(Store store) {
    startConnected(store); // a new server: its rules have not been asked yet
    fake.unchecked(get(urlPathEqualTo("/api/v2/instance")).atPriority(1), FakeMastodon.jsonResponse(404, "{\"error\":\"Not found\"}"));
    PostRules rules = kit.app.bean(Publisher.class).rules(kit.team.workspaceId(), kit.channel.id());
    assertThat(rules).isEqualTo(new PostRules(Network.MASTODON, 500, 23, 4, 16 * 1024 * 1024,
        Set.of("image/jpeg", "image/png", "image/gif", "image/webp")));
  }

  private void assertInvalid(OutgoingPost post, String field, String message) {
    assertThatThrownBy(() -> publish(post, "invalid-" + System.nanoTime()))
        .isInstanceOfSatisfying(DomainException.Invalid.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.getMessage()).contains(message);
        });
  }
}
