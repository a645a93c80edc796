package org.socius.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.networks.Actor;
import org.socius.networks.EventType;
import org.socius.networks.Network;
import org.socius.networks.NetworkEvent;
import org.socius.networks.NetworkEventRecorded;
import org.socius.networks.Post;
import org.socius.platform.Ids;
import org.socius.publishing.PublishingKit;
import org.socius.testing.MastodonStatuses;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Answering from the inbox, end to end: a Mastodon channel on the local statuses server, a
 * mention of it in the inbox, and the owner replying, liking and reposting from the conversation
 * page as a person. The reply reaches the server once (signed, in their thread), and the
 * conversation then waits on them with its response time.
 */
class InboxReplyTest {

  @ParameterizedTest
  @EnumSource(Store.class)
  void aPersonRepliesLikesAndRepostsFromTheConversation(Store store) {
    SociusApp app = SociusApp.shared(store);
    try (var server = new MastodonStatuses(); var kit = new PublishingKit(app, server, 1)) {
      String channel = kit.channels.get(0);
      // their status on the server, and the mention of us that networks records for it
      var made = app.session().api("POST", server.url() + "/api/v1/statuses", "tok-ann", "{\"status\":\"@us Bells on Sunday?\"}");
      String theirs = made.body().replaceAll("(?s)^\\{\"id\":\"(\\d+)\".*", "$1");
      Actor ann = new Actor(server.accountId("tok-ann"), "@ann@127.0.0.1", "Ann Bell", "", "Ringer", "", "");
      Instant at = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.MILLIS);
      NetworkEvent mention = new NetworkEvent(Ids.newId(), kit.team.workspaceId(), channel, Network.MASTODON, EventType.MENTIONED,
          "notification:1", ann, new Post(theirs, server.url() + "/@ann/" + theirs, "@us Bells on Sunday?", "en", at, null, null),
          false, at, Instant.now());
      new TransactionTemplate(app.bean(PlatformTransactionManager.class))
          .executeWithoutResult(s -> app.context().publishEvent(new NetworkEventRecorded(mention)));
      // the owner signs replies on this brand workspace
      assertThat(kit.api("PUT", "/profile", "{\"displayName\":\"Owner Person\",\"signature\":\"^OP\"}").status()).isEqualTo(200);
      assertThat(kit.api("PATCH", "/publishing-settings", "{\"signatureOnBrand\":true}").status()).isEqualTo(200);

      JsonNode list = InboxKit.api(kit.team, "GET", "/inbox", null, 200);
      String id = InboxKit.field(list, "id").get(0);
      var web = kit.team.owner().web();
      String page = "/w/" + kit.team.slug() + "/inbox/" + id;
      String body = web.get(page).body();
      assertThat(body).contains("Bells on Sunday?").contains("Signed with ^OP");
      int before = server.statuses().size();

      // the same form sent twice goes out once
      Map<String, String> form = Map.of("text", "Yes, at ten!", "formKey", "form-1");
      assertThat(web.post(page, page + "/replies", form).location()).isEqualTo(page);
      assertThat(web.post(page, page + "/replies", form).location()).isEqualTo(page);
      assertThat(server.statuses()).hasSize(before + 1);
      var reply = server.statuses().stream().filter(s -> s.text().contains("Yes, at ten!")).findFirst().orElseThrow();
      assertThat(reply.text()).isEqualTo("@ann@127.0.0.1 Yes, at ten! ^OP");
      assertThat(reply.json()).contains("\"in_reply_to_id\":\"" + theirs + "\"");

      JsonNode c = InboxKit.api(kit.team, "GET", "/inbox/" + id, null, 200);
      assertThat(c.path("conversation").path("state").asString()).isEqualTo("waiting");
      assertThat(c.path("items").findValuesAsString("direction")).containsExactly("in", "out");
      assertThat(c.path("items").get(1).path("remoteId").asString()).isEqualTo(reply.id());
      assertThat(c.path("firstResponse").path("seconds").asLong()).isBetween(590L, 900L);
      assertThat(web.get(page).body()).contains("Our reply").contains("Yes, at ten! ^OP").contains("Owner Person")
          .contains("First answered by Owner Person after 10 minutes").contains("Waiting on them");

      // like and repost their post, as explicit acts; liking twice likes once
      String item = c.path("items").get(0).path("id").asString();
      assertThat(web.post(page, page + "/items/" + item + "/like", Map.of()).location()).isEqualTo(page);
      assertThat(web.post(page, page + "/items/" + item + "/like", Map.of()).location()).isEqualTo(page);
      InboxKit.api(kit.team, "POST", "/inbox/" + id + "/items/" + item + "/repost", null, 403); // the token lacks the personal scope
      assertThat(web.post(page, page + "/items/" + item + "/repost", Map.of()).location()).isEqualTo(page);
      assertThat(server.reactions()).extracting(MastodonStatuses.Reaction::kind).containsExactly("favourite", "reblog");
      c = InboxKit.api(kit.team, "GET", "/inbox/" + id, null, 200);
      assertThat(c.path("items").findValuesAsString("type")).containsExactly("mention", "reply", "like", "repost");
      assertThat(c.path("conversation").path("state").asString()).as("a like is no answer").isEqualTo("waiting");
      // our own answer cannot be liked from here; an empty reply is refused and sends nothing
      String ours = c.path("items").get(1).path("id").asString();
      InboxKit.api(kit.team, "POST", "/inbox/" + id + "/items/" + ours + "/like", null, 400);
      assertThat(web.post(page, page + "/replies", Map.of("text", "  ", "formKey", "form-2")).location()).isEqualTo(page);
      assertThat(web.get(page).body()).contains("Write something to send.");
      // an API token without the personal-messages scope cannot reply
      InboxKit.api(kit.team, "POST", "/inbox/" + id + "/replies", "{\"text\":\"From a script\"}", 403);
      assertThat(server.statuses()).hasSize(before + 1);
    }
  }
}
