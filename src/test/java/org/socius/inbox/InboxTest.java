package org.socius.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socius.inbox.InboxKit.actor;
import static org.socius.inbox.InboxKit.field;
import static org.socius.inbox.InboxKit.post;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.networks.Actor;
import org.socius.networks.EventType;
import org.socius.networks.NetworkEvent;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.socius.testing.Teams;
import tools.jackson.databind.JsonNode;

/**
 * The inbox through the running app on both databases: network events become conversations
 * (grouped by thread, once each), our answers change whose turn it is and are timed, and the
 * API and pages list, filter, page, assign and close them only within their workspace.
 */
class InboxTest {

  static final Instant T0 = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MILLIS);

  @ParameterizedTest
  @EnumSource(Store.class)
  void eventsBecomeConversationsGroupedByThreadOnceEach(Store store) {
    InboxKit kit = new InboxKit(SociusApp.shared(store));
    Actor ann = actor("ann", "Ann", "Baker");
    Actor bob = actor("bob", "Bob", "Organist");
    // a follower read by the first import is no inbox item; one who follows later is
    kit.publish(kit.event(kit.channel, EventType.FOLLOWER_GAINED, ann, null, true, T0));
    kit.arrive(EventType.FOLLOWER_GAINED, bob, null, T0.plusSeconds(1));
    // a mention starts a thread; a reply in it (root s1) joins it, also one answering our post in it
    NetworkEvent mention = kit.arrive(EventType.MENTIONED, ann, post("s1", "Bread on Sunday?", null, null, T0), T0.plusSeconds(2));
    kit.publish(mention); // delivered twice: one item
    kit.arrive(EventType.REPLIED, bob, post("s2", "Me too", "s1", "s1", T0), T0.plusSeconds(3));
    kit.arrive(EventType.REPLIED, ann, post("s3", "And rolls", "ours-9", "s1", T0), T0.plusSeconds(4));
    // a direct message is its own conversation; the same thread on another channel is another one
    kit.arrive(EventType.DIRECT_MESSAGE, ann, post("d1", "Are you open?", null, null, T0), T0.plusSeconds(5));
    kit.publish(kit.event("other-channel", EventType.MENTIONED, ann, post("s1", "Bread on Sunday?", null, null, T0), false,
        T0.plusSeconds(6)));
    // not for the inbox: favourites, reposts, leavers
    kit.arrive(EventType.FAVOURITED, ann, post("ours-1", "", null, null, T0), T0.plusSeconds(7));
    kit.arrive(EventType.FOLLOWER_LOST, bob, null, T0.plusSeconds(8));

    JsonNode all = kit.api("GET", "/inbox", null, 200);
    assertThat(field(all, "type")).containsExactly("mention", "direct_message", "reply", "new_follower");
    assertThat(field(all, "channelId")).containsExactly("other-channel", kit.channel, kit.channel, kit.channel);
    JsonNode thread = all.path("items").get(2);
    assertThat(thread.path("items").asInt()).isEqualTo(3);
    assertThat(thread.path("excerpt").asString()).isEqualTo("And rolls");
    assertThat(thread.path("personName").asString()).isEqualTo("Ann");
    assertThat(thread.path("state").asString()).isEqualTo("open");
    assertThat(Instant.parse(thread.path("unansweredSince").asString())).isEqualTo(T0.plusSeconds(2));
    // the person is the one People made of the account
    String annId = kit.api("GET", "/people?q=ann", null, 200).path("items").get(0).path("id").asString();
    assertThat(thread.path("personId").asString()).isEqualTo(annId);

    JsonNode detail = kit.api("GET", "/inbox/" + thread.path("id").asString(), null, 200);
    assertThat(detail.path("items").findValuesAsString("text")).containsExactly("Bread on Sunday?", "Me too", "And rolls");
    assertThat(detail.path("items").findValuesAsString("actorHandle")).containsExactly("@ann@example.social", "@bob@example.social",
        "@ann@example.social");
    assertThat(detail.path("firstResponse").isNull()).isTrue();

    // one announcement per stored item, none for a repeat or for what is no item
    assertThat(kit.announced).hasSize(6).allMatch(a -> a instanceof InboxItemArrived);
    InboxItemArrived first = (InboxItemArrived) kit.announced.get(0);
    assertThat(first.type()).isEqualTo(InboxItemType.NEW_FOLLOWER);
    assertThat(first.personName()).isEqualTo("Bob");
    assertThat(first.excerpt()).isEmpty();
    assertThat(kit.app.bean(Inbox.class).openCount(kit.team.workspaceId())).isEqualTo(4);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void ourAnswerMakesItWaitOnThemTheirNextOpensItAgainAndResponseTimeIsRecorded(Store store) {
    InboxKit kit = new InboxKit(SociusApp.shared(store));
    Actor cy = actor("cy", "Cy", "Choir director");
    String owner = kit.ownerMemberId();
    kit.arrive(EventType.MENTIONED, cy, post("m1", "Rehearsal at eight?", null, null, T0), T0);
    kit.arrive(EventType.REPLIED, cy, post("m2", "Or nine?", "m1", "m1", T0), T0.plus(Duration.ofMinutes(5)));
    String id = field(kit.api("GET", "/inbox", null, 200), "id").get(0);

    // our reply to their second post answers the thread: 20 minutes after their first unanswered words
    kit.answered(owner, "REPLY", cy, "m2", "Eight it is", T0.plus(Duration.ofMinutes(20)));
    JsonNode c = kit.api("GET", "/inbox/" + id, null, 200);
    assertThat(c.path("conversation").path("state").asString()).isEqualTo("waiting");
    assertThat(c.path("firstResponse").path("seconds").asLong()).isEqualTo(1200);
    assertThat(c.path("firstResponse").path("memberId").asString()).isEqualTo(owner);
    assertThat(c.path("items").findValuesAsString("direction")).containsExactly("in", "in", "out");
    assertThat(c.path("items").get(2).path("memberId").asString()).isEqualTo(owner);
    // a like is shown but is no answer
    kit.answered(owner, "LIKE", cy, "m1", "", T0.plus(Duration.ofMinutes(21)));
    assertThat(kit.api("GET", "/inbox/" + id, null, 200).path("items")).hasSize(4);

    // done by a member; their next words open it again, and the next answer is timed from them
    assertThat(kit.api("POST", "/inbox/" + id + "/done", null, 200).path("state").asString()).isEqualTo("done");
    assertThat(kit.api("POST", "/inbox/" + id + "/reopen", null, 200).path("state").asString()).isEqualTo("waiting");
    kit.api("POST", "/inbox/" + id + "/done", null, 200);
    kit.arrive(EventType.REPLIED, cy, post("m3", "Thanks!", "ours-1", "m1", T0), T0.plus(Duration.ofHours(1)));
    assertThat(kit.api("GET", "/inbox/" + id, null, 200).path("conversation").path("state").asString()).isEqualTo("open");
    kit.answered(owner, "REPLY", cy, "m3", "See you", T0.plus(Duration.ofHours(2)));
    // a late delivery of older words of theirs does not reopen what we answered after them
    kit.arrive(EventType.REPLIED, cy, post("m2b", "(late)", "m1", "m1", T0), T0.plus(Duration.ofMinutes(90)));
    JsonNode after = kit.api("GET", "/inbox/" + id, null, 200);
    assertThat(after.path("conversation").path("state").asString()).isEqualTo("waiting");
    assertThat(after.path("firstResponse").path("seconds").asLong()).as("still the first").isEqualTo(1200);

    // the figure for insights: answers of 20 and 60 minutes
    JsonNode times = kit.api("GET", "/inbox/response-times?from=" + T0 + "&to=" + T0.plus(Duration.ofDays(1)), null, 200);
    assertThat(times.path("answered").asLong()).isEqualTo(2);
    assertThat(times.path("medianSeconds").asLong()).isEqualTo(2400);
    var figure = kit.app.bean(Inbox.class).responseTimes(kit.team.workspaceId(), T0, T0.plus(Duration.ofMinutes(30)));
    assertThat(figure.answered()).isEqualTo(1);
    assertThat(figure.median()).isEqualTo(Duration.ofMinutes(20));
    assertThat(kit.api("GET", "/inbox/response-times?from=" + T0.plus(Duration.ofDays(1)) + "&to=" + T0.plus(Duration.ofDays(2)), null,
        200).path("answered").asLong()).isZero();
    kit.api("GET", "/inbox/response-times?from=yesterday", null, 400);
    kit.api("GET", "/inbox/response-times?from=" + T0 + "&to=" + T0, null, 400);

    // a direct message answered without naming a post finds its conversation by the account
    kit.arrive(EventType.DIRECT_MESSAGE, cy, post("d1", "Private question", null, null, T0), T0.plus(Duration.ofHours(3)));
    kit.answered(owner, "DIRECT", cy, null, "Private answer", T0.plus(Duration.ofHours(4)));
    JsonNode dms = kit.api("GET", "/inbox?type=direct_message", null, 200);
    assertThat(field(dms, "state")).containsExactly("waiting");

    // greeting a new follower answers their follow: it waits on them, and a follow asks nothing, so no response time
    Actor gil = actor("gil", "Gil", "Gardener");
    kit.arrive(EventType.FOLLOWER_GAINED, gil, null, T0.plus(Duration.ofHours(5)));
    kit.answered(owner, "MENTION", true, gil, null, "Welcome, Gil! What are you growing?", T0.plus(Duration.ofHours(6)));
    JsonNode followers = kit.api("GET", "/inbox?type=new_follower", null, 200);
    assertThat(field(followers, "state")).containsExactly("waiting");
    JsonNode greeted = kit.api("GET", "/inbox/" + field(followers, "id").get(0), null, 200);
    assertThat(greeted.path("items").findValuesAsString("text")).containsExactly("", "Welcome, Gil! What are you growing?");
    assertThat(greeted.path("firstResponse").isNull()).isTrue();
    assertThat(kit.api("GET", "/inbox/response-times?from=" + T0 + "&to=" + T0.plus(Duration.ofDays(1)), null, 200).path("answered")
        .asLong()).isEqualTo(3);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void filtersOrderAndCursorPaging(Store store) {
    InboxKit kit = new InboxKit(SociusApp.shared(store));
    String owner = kit.ownerMemberId();
    for (int i = 0; i < 7; i++) {
      kit.arrive(i % 2 == 0 ? EventType.MENTIONED : EventType.DIRECT_MESSAGE, actor("p" + i, "Person " + i, ""),
          post("t" + i, "Hello " + i, null, null, T0), T0.plusSeconds(i));
    }
    kit.publish(kit.event("second-channel", EventType.FOLLOWER_GAINED, actor("p7", "Person 7", ""), null, false, T0.plusSeconds(7)));

    // newest first, three at a time
    JsonNode page = kit.api("GET", "/inbox?limit=3", null, 200);
    assertThat(field(page, "excerpt")).containsExactly("", "Hello 6", "Hello 5");
    page = kit.api("GET", "/inbox?limit=3&cursor=" + page.path("next").asString(), null, 200);
    assertThat(field(page, "excerpt")).containsExactly("Hello 4", "Hello 3", "Hello 2");
    page = kit.api("GET", "/inbox?limit=3&cursor=" + page.path("next").asString(), null, 200);
    assertThat(field(page, "excerpt")).containsExactly("Hello 1", "Hello 0");
    assertThat(page.path("next").isNull()).isTrue();
    // oldest first
    page = kit.api("GET", "/inbox?order=oldest&limit=5", null, 200);
    assertThat(field(page, "excerpt")).containsExactly("Hello 0", "Hello 1", "Hello 2", "Hello 3", "Hello 4");
    assertThat(field(kit.api("GET", "/inbox?order=oldest&limit=5&cursor=" + page.path("next").asString(), null, 200), "excerpt"))
        .containsExactly("Hello 5", "Hello 6", "");

    // by channel, type, person, state and assignee
    assertThat(field(kit.api("GET", "/inbox?channel=second-channel", null, 200), "type")).containsExactly("new_follower");
    assertThat(field(kit.api("GET", "/inbox?type=direct_message", null, 200), "excerpt")).containsExactly("Hello 5", "Hello 3",
        "Hello 1");
    String p3 = field(kit.api("GET", "/inbox?type=direct_message", null, 200), "personId").get(1);
    assertThat(field(kit.api("GET", "/inbox?person=" + p3, null, 200), "excerpt")).containsExactly("Hello 3");
    String c4 = field(kit.api("GET", "/inbox?order=oldest&limit=5", null, 200), "id").get(4);
    kit.api("POST", "/inbox/" + c4 + "/done", null, 200);
    kit.api("POST", "/inbox/" + c4 + "/assignee", "{\"assigneeMemberId\":\"" + owner + "\"}", 200);
    assertThat(field(kit.api("GET", "/inbox?state=done", null, 200), "id")).containsExactly(c4);
    assertThat(kit.api("GET", "/inbox?state=open", null, 200).path("items")).hasSize(7);
    assertThat(kit.api("GET", "/inbox?state=all", null, 200).path("items")).hasSize(8);
    assertThat(field(kit.api("GET", "/inbox?assignee=me", null, 200), "id")).containsExactly(c4);
    assertThat(field(kit.api("GET", "/inbox?assignee=" + owner, null, 200), "id")).containsExactly(c4);
    assertThat(kit.api("GET", "/inbox?assignee=none", null, 200).path("items")).hasSize(7);
    assertThat(kit.api("GET", "/inbox?state=done&type=mention&channel=" + kit.channel + "&assignee=me", null, 200).path("items"))
        .hasSize(1);

    // bad filters are refused
    for (String bad : new String[] {"state=later", "type=like", "order=random", "cursor=bm8", "limit=0", "limit=201"}) {
      kit.api("GET", "/inbox?" + bad, null, 400);
    }
    // the page pages too, keeping its filters
    var web = kit.team.owner().web();
    String body = web.get("/w/" + kit.team.slug() + "/inbox?state=all").body();
    assertThat(body).contains("<ol id=\"inbox-items\"").contains("Hello 6").contains("Person 7");
    assertThat(web.get("/w/" + kit.team.slug() + "/inbox?state=done").body()).contains("Hello 4").doesNotContain("Hello 6");
    assertThat(web.get("/w/" + kit.team.slug() + "/inbox?type=nothing").status()).isEqualTo(400);
    // the API is described
    String openapi = web.api("GET", "/api/v1/openapi.json", kit.team.ownerToken(), null).body();
    for (String path : new String[] {"/inbox\"", "/inbox/{conversationId}\"", "/inbox/{conversationId}/assignee\"",
        "/inbox/{conversationId}/done\"", "/inbox/{conversationId}/reopen\"", "/inbox/{conversationId}/replies\"",
        "/inbox/{conversationId}/items/{itemId}/like\"", "/inbox/{conversationId}/items/{itemId}/repost\"",
        "/inbox/response-times\""}) {
      assertThat(openapi).contains("\"/api/v1/workspaces/{workspaceId}" + path);
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void assignmentTellsTheAssigneeAndOnlyMembersWhoCanAnswerCanBeAssigned(Store store) {
    InboxKit kit = new InboxKit(SociusApp.shared(store));
    kit.arrive(EventType.MENTIONED, actor("dee", "Dee", ""), post("x1", "Hi", null, null, T0), T0);
    String id = field(kit.api("GET", "/inbox", null, 200), "id").get(0);
    kit.team.join("editor");
    kit.team.join("viewer");
    String editor = kit.memberId("Member editor");
    String viewer = kit.memberId("Member viewer");

    JsonNode assigned = kit.api("POST", "/inbox/" + id + "/assignee", "{\"assigneeMemberId\":\"" + editor + "\"}", 200);
    assertThat(assigned.path("assigneeMemberId").asString()).isEqualTo(editor);
    kit.api("POST", "/inbox/" + id + "/assignee", "{\"assigneeMemberId\":\"" + editor + "\"}", 200); // again: told once
    assertThat(kit.announced.stream().filter(a -> a instanceof ConversationAssigned).toList()).singleElement()
        .satisfies(a -> {
          ConversationAssigned c = (ConversationAssigned) a;
          assertThat(c.assigneeMemberId()).isEqualTo(editor);
          assertThat(c.conversationId()).isEqualTo(id);
          assertThat(c.personName()).isEqualTo("Dee");
        });
    // not a member, a viewer, nobody: refused and nothing changes
    kit.api("POST", "/inbox/" + id + "/assignee", "{\"assigneeMemberId\":\"no-such-member\"}", 400);
    kit.api("POST", "/inbox/" + id + "/assignee", "{\"assigneeMemberId\":\"" + viewer + "\"}", 400);
    kit.api("POST", "/inbox/" + id + "/assignee", "{}", 400);
    assertThat(kit.api("GET", "/inbox/" + id, null, 200).path("conversation").path("assigneeMemberId").asString()).isEqualTo(editor);
    // a member of another workspace is no member here
    Teams.Team other = Teams.create(kit.app);
    String stranger = InboxKit.api(other, "GET", "/members", null, 200).path("items").get(0).path("id").asString();
    kit.api("POST", "/inbox/" + id + "/assignee", "{\"assigneeMemberId\":\"" + stranger + "\"}", 400);
    assertThat(kit.api("DELETE", "/inbox/" + id + "/assignee", null, 200).path("assigneeMemberId").isNull()).isTrue();

    // the page assigns too, and the list shows to whom
    var web = kit.team.owner().web();
    String page = "/w/" + kit.team.slug() + "/inbox/" + id;
    // the menu offers every member who can answer, not viewers
    assertThat(web.get(page).body()).contains("<option value=\"" + editor + "\"").contains("<option value=\"" + kit.ownerMemberId() + "\"")
        .doesNotContain("<option value=\"" + viewer + "\"");
    assertThat(web.post(page, page + "/assignee", Map.of("assignee", kit.ownerMemberId())).location()).isEqualTo(page);
    assertThat(web.get("/w/" + kit.team.slug() + "/inbox").body()).contains("Assigned to Owner Person");
    assertThat(web.post(page, page + "/assignee", Map.of("assignee", viewer)).location()).isEqualTo(page);
    assertThat(web.get(page).body()).contains("is a viewer and cannot answer");
    assertThat(web.post(page, page + "/done", Map.of()).location()).isEqualTo(page);
    assertThat(web.get(page).body()).contains("Marked done").contains("Open again");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aConversationOfAnotherWorkspaceIsNotFoundAnywhere(Store store) {
    InboxKit kit = new InboxKit(SociusApp.shared(store));
    kit.arrive(EventType.MENTIONED, actor("eve", "Eve", ""), post("e1", "Psst", null, null, T0), T0);
    String id = field(kit.api("GET", "/inbox", null, 200), "id").get(0);
    String item = kit.api("GET", "/inbox/" + id, null, 200).path("items").get(0).path("id").asString();
    Teams.Team other = Teams.create(kit.app);
    String owner = InboxKit.api(other, "GET", "/members", null, 200).path("items").get(0).path("id").asString();
    InboxKit.api(other, "GET", "/inbox/" + id, null, 404);
    InboxKit.api(other, "POST", "/inbox/" + id + "/assignee", "{\"assigneeMemberId\":\"" + owner + "\"}", 404);
    InboxKit.api(other, "DELETE", "/inbox/" + id + "/assignee", null, 404);
    InboxKit.api(other, "POST", "/inbox/" + id + "/done", null, 404);
    InboxKit.api(other, "POST", "/inbox/" + id + "/reopen", null, 404);
    InboxKit.api(other, "POST", "/inbox/" + id + "/replies", "{\"text\":\"Hello\"}", 404);
    InboxKit.api(other, "POST", "/inbox/" + id + "/items/" + item + "/like", null, 404);
    assertThat(InboxKit.api(other, "GET", "/inbox", null, 200).path("items")).isEmpty();
    var web = other.owner().web();
    String page = "/w/" + other.slug() + "/inbox/" + id;
    assertThat(web.get(page).status()).isEqualTo(404);
    assertThat(web.post("/w/" + other.slug() + "/inbox", page + "/done", Map.of()).status()).isEqualTo(404);
    // and nothing changed here
    JsonNode c = kit.api("GET", "/inbox/" + id, null, 200).path("conversation");
    assertThat(c.path("state").asString()).isEqualTo("open");
    assertThat(c.path("assigneeMemberId").isNull()).isTrue();
    // a viewer of this workspace reads, and cannot change
    var viewer = kit.team.join("viewer");
    String own = "/w/" + kit.team.slug() + "/inbox/" + id;
    assertThat(viewer.web().get(own).status()).isEqualTo(200);
    assertThat(viewer.web().post(own, own + "/done", Map.of()).status()).isEqualTo(403);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void theConversationPageShowsTheThreadAndThePersonsCardEscaped(Store store) {
    InboxKit kit = new InboxKit(SociusApp.shared(store));
    Actor fay = new Actor("fay", "@fay@example.social", "Fay <b>", "<p>Bell ringer</p>", "Bell <script>alert(1)</script> ringer", "",
        "javascript:alert(2)");
    kit.arrive(EventType.MENTIONED, fay, post("f1", "<img src=x onerror=alert(3)> hello", null, null, T0), T0);
    String id = field(kit.api("GET", "/inbox", null, 200), "id").get(0);
    String personId = kit.api("GET", "/people", null, 200).path("items").get(0).path("id").asString();
    kit.api("POST", "/people/" + personId + "/notes", "{\"body\":\"Rings the <i>tenor</i> bell\"}", 201);
    kit.answered(kit.ownerMemberId(), "REPLY", fay, "f1", "Welcome <u>Fay</u>", T0.plus(Duration.ofMinutes(3)));

    var web = kit.team.owner().web();
    String list = web.get("/w/" + kit.team.slug() + "/inbox?state=all").body();
    assertThat(list).contains("Fay &lt;b&gt;").contains("&lt;img src=x onerror=alert(3)&gt; hello").doesNotContain("<img src=x");
    String body = web.get("/w/" + kit.team.slug() + "/inbox/" + id).body();
    assertThat(body).contains("&lt;img src=x onerror=alert(3)&gt; hello").doesNotContain("<img src=x")
        .contains("Welcome &lt;u&gt;Fay&lt;/u&gt;").contains("Owner Person")
        .contains("Bell &lt;script&gt;alert(1)&lt;/script&gt; ringer").doesNotContain("<script>alert(1)")
        .doesNotContain("javascript:alert(2)")
        .contains("Rings the &lt;i&gt;tenor&lt;/i&gt; bell").contains("Relationship strength")
        .contains("First answered by Owner Person after 3 minutes")
        .contains("/w/" + kit.team.slug() + "/people/" + personId)
        .contains("Waiting on them");
    assertThat(web.get("/w/" + kit.team.slug() + "/inbox/no-such-conversation").status()).isEqualTo(404);
  }
}
