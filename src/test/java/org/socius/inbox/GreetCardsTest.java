package org.socius.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.networks.Actor;
import org.socius.networks.EventType;
import org.socius.networks.Network;
import org.socius.networks.NetworkEvent;
import org.socius.networks.NetworkEventRecorded;
import org.socius.platform.Ids;
import org.socius.publishing.PublishingKit;
import org.socius.testing.MastodonStatuses;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.socius.testing.Teams;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Greet cards through the running app: a new follow makes one card (not an import's followers),
 * the card shows the bio's topics, starters and their latest post read from the server, and a
 * person's own words go out once, as a reply, through the humanity rules; form letters wait for
 * confirmation; closing sends nothing; another workspace sees nothing.
 */
class GreetCardsTest {

  static void follow(SociusApp app, PublishingKit kit, Actor actor, boolean backfill, String eventId) {
    var e = new NetworkEvent(eventId, kit.team.workspaceId(), kit.channels.get(0), Network.MASTODON, EventType.FOLLOWER_GAINED,
        "follow-" + eventId, actor, null, backfill, Instant.now(), Instant.now());
    new TransactionTemplate(app.bean(PlatformTransactionManager.class))
        .executeWithoutResult(s -> app.context().publishEvent(new NetworkEventRecorded(e)));
  }

  static Actor actor(MastodonStatuses server, String token, String name, String bio) {
    String id = server.accountId(token);
    return new Actor(id, "@" + MastodonStatuses.username(token) + "@127.0.0.1", name, "<p>" + bio + "</p>", bio, "",
        server.url() + "/@" + MastodonStatuses.username(token));
  }

  static JsonNode json(org.socius.testing.WebSession.Response r, int status) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    return r.body().isEmpty() ? null : PublishingKit.JSON.readTree(r.body());
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aNewFollowerIsGreetedOnceInWordsAPersonWrote(Store store) {
    SociusApp app = SociusApp.shared(store);
    try (var server = new MastodonStatuses(); var kit = new PublishingKit(app, server, 1)) {
      var ann = actor(server, "tok-ann", "Ann Bell", "Bell ringer | sourdough baker | https://bells.example");
      String annPost = app.session().api("POST", server.url() + "/api/v1/statuses", "tok-ann", "{\"status\":\"Ringing at St Mary's tonight\"}")
          .body().replaceAll("(?s)^\\{\"id\":\"(\\d+)\".*", "$1");
      String eventId = Ids.newId();
      follow(app, kit, ann, false, eventId);
      follow(app, kit, ann, false, eventId); // delivered twice
      follow(app, kit, actor(server, "tok-old", "Old Friend", ""), true, Ids.newId()); // an import's follower: no card

      var cards = json(kit.api("GET", "/greet-cards", null), 200).path("items");
      assertThat(cards.size()).isEqualTo(1);
      String cardId = cards.get(0).path("id").asString();
      var card = json(kit.api("GET", "/greet-cards/" + cardId, null), 200);
      assertThat(card.path("topics").toString()).contains("bell ringer", "sourdough baker");
      assertThat(card.path("starters").get(0).asString()).isEqualTo("How did you become a bell ringer?");
      assertThat(card.path("latestPosts").get(0).path("remoteId").asString()).isEqualTo(annPost);
      assertThat(card.path("directPossible").asBoolean()).isTrue();
      assertThat(card.path("personId").isNull()).isFalse();

      // the owner's ordinary token cannot send: it lacks the personal-messages scope
      int before = server.statuses().size();
      var refused = kit.api("POST", "/greet-cards/" + cardId + "/send", "{\"text\":\"Hello Ann!\",\"how\":\"mention\"}");
      assertThat(refused.status()).isEqualTo(403);
      // the page: an empty text is refused beside the field, and nothing is sent
      var web = kit.team.owner().web();
      String page = "/w/" + kit.team.slug() + "/inbox/greet/" + cardId;
      var shown = web.get(page + "?starter=0");
      assertThat(shown.body()).contains("How did you become a bell ringer?").contains("<mark>Bell ringer</mark>")
          .contains("Ringing at St Mary");
      var empty = web.post(page, page + "/send", Map.of("text", " ", "how", "reply", "replyTo", annPost));
      assertThat(empty.status()).isEqualTo(400);
      assertThat(server.statuses()).hasSize(before);

      var sent = web.post(page, page + "/send", Map.of("text", "Welcome, Ann! How did you become a bell ringer?", "how", "reply",
          "replyTo", annPost));
      assertThat(sent.status()).as(sent.body()).isEqualTo(302);
      var again = web.post(page, page + "/send", Map.of("text", "Welcome, Ann! How did you become a bell ringer?", "how", "reply",
          "replyTo", annPost));
      assertThat(again.status()).isEqualTo(409);
      assertThat(server.statuses()).hasSize(before + 1);
      var reply = server.statuses().get(server.statuses().size() - 1);
      assertThat(reply.text()).isEqualTo("@ann@127.0.0.1 Welcome, Ann! How did you become a bell ringer?");
      assertThat(reply.json()).contains("\"in_reply_to_id\":\"" + annPost + "\"");
      assertThat(json(kit.api("GET", "/greet-cards/" + cardId, null), 200).path("card").path("state").asString()).isEqualTo("sent");
      var kinds = app.bean(JdbcClient.class).sql("""
          SELECT i.direction || ':' || i.kind FROM interactions i JOIN person_identities p ON p.person_id = i.person_id
           WHERE i.workspace_id = :ws AND p.remote_id = :r ORDER BY i.occurred_at, i.id""")
          .param("ws", kit.team.workspaceId()).param("r", ann.remoteId()).query(String.class).list();
      assertThat(kinds).containsExactly("in:followed", "out:greeted");

      // the follower's inbox conversation leads to the card
      var conversations = json(kit.api("GET", "/inbox?type=new_follower&state=all", null), 200).path("items");
      assertThat(conversations.size()).isEqualTo(1);
      var conversationPage = web.get("/w/" + kit.team.slug() + "/inbox/" + conversations.get(0).path("id").asString());
      assertThat(conversationPage.body()).contains("/inbox/greet/for?handle=%40ann%40127.0.0.1");
      assertThat(web.get("/w/" + kit.team.slug() + "/inbox/greet/for?handle=%40ann%40127.0.0.1").location()).endsWith("/inbox/greet/" + cardId);

      // another workspace cannot see or close the card
      var other = Teams.create(app);
      var foreign = other.owner().web().api("GET", "/api/v1/workspaces/" + other.workspaceId() + "/greet-cards/" + cardId,
          other.ownerToken(), null);
      assertThat(foreign.status()).isEqualTo(404);
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void theSameWordsToTheNextFollowerWaitForConfirmationAndClosingSendsNothing(Store store) {
    SociusApp app = SociusApp.shared(store);
    try (var server = new MastodonStatuses(); var kit = new PublishingKit(app, server, 1)) {
      follow(app, kit, actor(server, "tok-cat", "Cat", "Potter"), false, Ids.newId());
      follow(app, kit, actor(server, "tok-dan", "Dan", "Painter"), false, Ids.newId());
      follow(app, kit, actor(server, "tok-eve", "Eve", ""), false, Ids.newId());
      var items = json(kit.api("GET", "/greet-cards", null), 200).path("items");
      assertThat(items.size()).isEqualTo(3);
      String eve = items.get(0).path("id").asString();
      String dan = items.get(1).path("id").asString();
      String cat = items.get(2).path("id").asString();
      var web = kit.team.owner().web();
      String base = "/w/" + kit.team.slug() + "/inbox/greet/";
      assertThat(web.post(base + cat, base + cat + "/send", Map.of("text", "Hi Cat, thanks for the follow!", "how", "mention")).status())
          .isEqualTo(302);
      int before = server.statuses().size();
      var letter = web.post(base + dan, base + dan + "/send", Map.of("text", "Hi Dan, thanks for the follow!", "how", "mention"));
      assertThat(letter.status()).isEqualTo(409);
      assertThat(letter.body()).contains("You sent the same words to @cat@127.0.0.1").contains("name=\"confirmFormLetter\"")
          .contains("Hi Dan, thanks for the follow!");
      assertThat(server.statuses()).hasSize(before);
      var confirmed = web.post(base + dan, base + dan + "/send", Map.of("text", "Hi Dan, thanks for the follow!", "how", "direct",
          "confirmFormLetter", "true"));
      assertThat(confirmed.status()).isEqualTo(302);
      assertThat(server.statuses()).hasSize(before + 1);
      var direct = server.statuses().get(server.statuses().size() - 1);
      assertThat(direct.visibility()).isEqualTo("direct");
      assertThat(direct.text()).startsWith("@dan@127.0.0.1 ");

      assertThat(kit.api("POST", "/greet-cards/" + eve + "/close", "{\"reason\":\"later\"}").status()).isEqualTo(400);
      assertThat(kit.api("POST", "/greet-cards/" + eve + "/close", "{\"reason\":\"elsewhere\"}").status()).isEqualTo(204);
      assertThat(kit.api("POST", "/greet-cards/" + eve + "/close", "{\"reason\":\"skip\"}").status()).isEqualTo(409);
      assertThat(server.statuses()).hasSize(before + 1);
      assertThat(json(kit.api("GET", "/greet-cards", null), 200).path("items").size()).isZero();
      assertThat(json(kit.api("GET", "/greet-cards?state=elsewhere", null), 200).path("items").size()).isEqualTo(1);
    }
  }
}
