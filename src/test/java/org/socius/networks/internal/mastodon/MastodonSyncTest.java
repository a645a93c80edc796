package org.socius.networks.internal.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.networks.Channel;
import org.socius.networks.EventType;
import org.socius.networks.NetworkEvent;
import org.socius.testing.Store;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reading a Mastodon account through the real app: db-scheduler starts the first sync on
 * connect, {@code SyncChannel.sync} runs the next ones, events land in the event log.
 */
class MastodonSyncTest extends FakeMastodonTest {

  @ParameterizedTest
  @EnumSource(Store.class)
  void eachKindOfNotificationBecomesItsEventWithTheActorsProfile(Store store) {
    start(store);
    ObjectNode ann = Fixtures.account("109", "Ann@Other.Example", "Ann", "<p>Baker &amp; <a href=\"https://ann.example\" onclick=\"x()\">blog</a>"
        + "<script>alert(1)</script><img src=x onerror=alert(2)></p><p>Second line<br>and more</p>");
    ObjectNode bob = Fixtures.account("110", "bob@b.example", "", "");
    ObjectNode carol = Fixtures.account("111", "carol@c.example", "Carol", "");
    ObjectNode dave = Fixtures.account("112", "dave@d.example", "Dave", "");
    ObjectNode erin = Fixtures.account("113", "erin", "Erin", "<p>Local</p>");
    ObjectNode frank = Fixtures.account("114", "frank@f.example", "Frank", "");
    ObjectNode us = fake.meAsAccount();
    ObjectNode ours = Fixtures.status("500", us, "<p>Fresh bread today</p>", "public", null, null, Fixtures.T0);
    ObjectNode elsewhere = Fixtures.status("501", dave, "<p>@socius look at this</p>", "public", "900", "77", Fixtures.T0.plusSeconds(2));
    ObjectNode reply = Fixtures.status("502", carol, "<p>@socius <span>yes</span>, please!</p>", "public", "500", "1", Fixtures.T0.plusSeconds(3));
    ObjectNode dm = Fixtures.status("503", ann, "<p>@socius are you open on Sunday?</p>", "direct", null, null, Fixtures.T0.plusSeconds(4));
    ObjectNode quote = Fixtures.status("507", frank, "<p>Look at them</p>", "public", null, null, Fixtures.T0.plusSeconds(7));
    // followers known before: the import reads ann and bob
    fake.followers(Fixtures.array(ann, bob), null);
    // the latest notifications, newest first, as Mastodon sends them
    fake.notifications(Fixtures.array(
        Fixtures.notification("9", "poll", ann, ours, Fixtures.T0.plusSeconds(9)),
        Fixtures.notification("8", "quote", frank, quote, Fixtures.T0.plusSeconds(8)),
        Fixtures.notification("7", "reblog", bob, ours, Fixtures.T0.plusSeconds(7)),
        Fixtures.notification("6", "favourite", ann, ours, Fixtures.T0.plusSeconds(6)),
        Fixtures.notification("5", "mention", ann, dm, Fixtures.T0.plusSeconds(5)),
        Fixtures.notification("4", "mention", carol, reply, Fixtures.T0.plusSeconds(4)),
        Fixtures.notification("3", "mention", dave, elsewhere, Fixtures.T0.plusSeconds(3)),
        Fixtures.notification("2", "follow", erin, null, Fixtures.T0.plusSeconds(2)),
        Fixtures.notification("1", "follow", ann, null, Fixtures.T0.plusSeconds(1))), "9");
    // the same direct message as a conversation, one that the notifications filtered out, and one of our own
    ObjectNode filteredDm = Fixtures.status("510", frank, "<p>@socius hello from a stranger</p>", "direct", null, null,
        Fixtures.T0.plusSeconds(10));
    ObjectNode ownDm = Fixtures.status("511", us, "<p>@ann yes we are</p>", "direct", "503", "109", Fixtures.T0.plusSeconds(11));
    fake.conversations(Fixtures.array(Fixtures.conversation("42", ownDm, ann), Fixtures.conversation("41", filteredDm, frank),
        Fixtures.conversation("40", dm, ann)), "511");

    Channel channel = kit.connect();

    assertThat(channel.status()).isEqualTo(Channel.Status.CONNECTED);
    assertThat(channel.handle()).isEqualTo("@socius@127.0.0.1");
    assertThat(channel.displayName()).isEqualTo("Socius Café");
    assertThat(channel.importDone()).isTrue();
    assertThat(channel.followersImported()).isEqualTo(2);
    List<NetworkEvent> events = kit.events();
    Map<String, NetworkEvent> byRemote = events.stream().collect(Collectors.toMap(NetworkEvent::remoteId, e -> e));
    assertThat(byRemote.keySet()).containsExactlyInAnyOrder("import:109", "import:110", "notification:2", "notification:3",
        "notification:4", "status:503", "notification:6", "notification:7", "notification:8", "status:510");
    assertThat(byRemote.get("import:109").backfill()).isTrue();
    assertThat(byRemote.get("notification:2").type()).isEqualTo(EventType.FOLLOWER_GAINED);
    assertThat(byRemote.get("notification:2").backfill()).isFalse();
    assertThat(byRemote.get("notification:2").actor().handle()).isEqualTo("@erin@127.0.0.1");
    assertThat(byRemote.get("notification:3").type()).isEqualTo(EventType.MENTIONED);
    assertThat(byRemote.get("notification:4").type()).isEqualTo(EventType.REPLIED);
    assertThat(byRemote.get("status:503").type()).isEqualTo(EventType.DIRECT_MESSAGE);
    assertThat(byRemote.get("status:510").type()).isEqualTo(EventType.DIRECT_MESSAGE);
    assertThat(byRemote.get("notification:6").type()).isEqualTo(EventType.FAVOURITED);
    assertThat(byRemote.get("notification:7").type()).isEqualTo(EventType.REPOSTED);
    assertThat(byRemote.get("notification:8").type()).isEqualTo(EventType.QUOTED);

    var annAsActor = byRemote.get("notification:6").actor();
    assertThat(annAsActor.remoteId()).isEqualTo("109");
    assertThat(annAsActor.handle()).isEqualTo("@Ann@other.example");
    assertThat(annAsActor.displayName()).isEqualTo("Ann");
    assertThat(annAsActor.bioHtml()).contains("<a href=\"https://ann.example\" rel=\"nofollow noopener noreferrer\">blog</a>")
        .doesNotContain("script", "onclick", "onerror", "<img");
    assertThat(annAsActor.bioText()).isEqualTo("Baker & blog\n\nSecond line\nand more");
    assertThat(annAsActor.avatarUrl()).isEqualTo("https://files.Other.Example/avatars/Ann.png");
    assertThat(annAsActor.profileUrl()).isEqualTo("https://Other.Example/@Ann");
    assertThat(byRemote.get("notification:7").actor().displayName()).as("no display name: the user name").isEqualTo("bob");

    var replyPost = byRemote.get("notification:4").post();
    assertThat(replyPost.remoteId()).isEqualTo("502");
    assertThat(replyPost.text()).isEqualTo("@socius yes, please!");
    assertThat(replyPost.url()).isEqualTo("https://c.example/@carol/502");
    assertThat(replyPost.language()).isEqualTo("en");
    assertThat(replyPost.createdAt()).isEqualTo(Fixtures.T0.plusSeconds(3));
    assertThat(replyPost.inReplyTo()).isEqualTo("500");
    assertThat(replyPost.threadRoot()).isNull();
    assertThat(byRemote.get("notification:6").post().remoteId()).as("the favourite is about our status").isEqualTo("500");
    assertThat(byRemote.get("notification:6").post().threadRoot()).isEqualTo("500");
    assertThat(byRemote.get("status:503").post().text()).isEqualTo("@socius are you open on Sunday?");
    assertThat(byRemote.get("notification:6").occurredAt()).isEqualTo(Fixtures.T0.plusSeconds(6));

    assertThat(kit.activityState()).isEqualTo("{\"notifications\":\"9\",\"conversations\":\"511\"}");
    // the adapter hands them over oldest first (the event log's ids only order them to the millisecond)
    var activity = kit.app.bean(MastodonAdapter.class).activity(kit.session(), null);
    assertThat(activity.items()).extracting(i -> i.remoteId()).containsExactly("notification:1", "notification:2", "notification:3",
        "notification:4", "status:503", "notification:6", "notification:7", "notification:8", "status:510");
    assertThat(activity.state()).isEqualTo(kit.activityState());

    // the next sync asks for what is newer than the cursors and records nothing twice
    fake.notificationsAfter("9", Fixtures.array(), null);
    fake.conversationsAfter("511", Fixtures.array(), null);
    kit.sync();
    assertThat(kit.events()).hasSameSizeAs(events);
    var asked = fake.requests("GET", "/api/v1/notifications");
    assertThat(asked.get(asked.size() - 1).queryParameter("min_id").firstValue()).isEqualTo("9");
    var askedConversations = fake.requests("GET", "/api/v1/conversations");
    assertThat(askedConversations.get(askedConversations.size() - 1).queryParameter("min_id").firstValue()).isEqualTo("511");
    assertThat(kit.channel().status()).isEqualTo(Channel.Status.CONNECTED);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void pagesForwardWithMinIdUntilCaughtUpAndSkipsNothing(Store store) {
    start(store);
    ObjectNode us = fake.meAsAccount();
    ObjectNode ours = Fixtures.status("500", us, "<p>Fresh bread</p>", "public", null, null, Fixtures.T0);
    fake.notifications(Fixtures.array(Fixtures.notification("100", "favourite", account(100), ours, Fixtures.T0.plusSeconds(100))),
        "100");
    kit.connect();
    assertThat(kit.events()).extracting(NetworkEvent::remoteId).containsExactly("notification:100");

    fake.notificationsAfter("100", favourites(101, 180, ours), "180");
    fake.notificationsAfter("180", favourites(181, 200, ours), "200");
    // 20 < 80 on the second page: caught up, no third request (the fake has no page after 200)

    List<String> expected = new ArrayList<>();
    for (int i = 101; i <= 200; i++) {
      expected.add("notification:" + i);
    }
    var activity = kit.app.bean(MastodonAdapter.class).activity(kit.session(), kit.activityState());
    assertThat(activity.items()).extracting(i -> i.remoteId()).as("oldest first, none skipped").containsExactlyElementsOf(expected);
    assertThat(activity.state()).startsWith("{\"notifications\":\"200\"");

    kit.sync();
    expected.add(0, "notification:100");
    assertThat(kit.events()).extracting(NetworkEvent::remoteId).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(kit.activityState()).startsWith("{\"notifications\":\"200\"");
    var asked = fake.requests("GET", "/api/v1/notifications");
    assertThat(asked).extracting(r -> r.queryParameter("min_id").isPresent() ? r.queryParameter("min_id").firstValue() : "-")
        .containsExactly("-", "100", "180", "100", "180");
    assertThat(asked).allMatch(r -> r.queryParameter("limit").firstValue().equals("80"));
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void importsEveryFollowerPageByPageFollowingTheLinkHeader(Store store) {
    start(store);
    ArrayNode first = Fixtures.JSON.createArrayNode();
    for (int i = 0; i < 80; i++) {
      first.add(account(1000 + i));
    }
    fake.followers(first, "77001");
    fake.followersAfter("77001", Fixtures.array(account(2000), account(2001), account(2002)), null);
    Channel channel = kit.connect();
    assertThat(channel.importDone()).isTrue();
    assertThat(channel.followersImported()).isEqualTo(83);
    assertThat(kit.events()).filteredOn(NetworkEvent::backfill).hasSize(83);
    assertThat(fake.requests("GET", "/api/v1/accounts/1/followers")).extracting(
        r -> r.queryParameter("max_id").isPresent() ? r.queryParameter("max_id").firstValue() : "-").containsExactly("-", "77001");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void malformedJsonFailsThatSyncWithAReasonAndTheNextOneSucceeds(Store store) {
    start(store);
    kit.connect();
    fake.unchecked(get(urlPathEqualTo("/api/v1/notifications")).withQueryParam("min_id", absent()),
        FakeMastodon.jsonResponse(200, "[{\"id\": \"5\", \"type\": \"mention\""));
    kit.sync();
    Channel failed = kit.channel();
    assertThat(failed.status()).isEqualTo(Channel.Status.ERROR);
    assertThat(failed.statusDetail()).contains("127.0.0.1").contains("/api/v1/notifications").contains("not valid JSON");
    assertThat(kit.events()).isEmpty();

    ObjectNode mention = Fixtures.status("600", account(300), "<p>@socius hi</p>", "public", null, null, Fixtures.T0);
    fake.notifications(Fixtures.array(Fixtures.notification("5", "mention", account(300), mention, Fixtures.T0)), "5");
    kit.sync();
    assertThat(kit.channel().status()).isEqualTo(Channel.Status.CONNECTED);
    assertThat(kit.channel().statusDetail()).isEmpty();
    assertThat(kit.events()).extracting(NetworkEvent::remoteId).containsExactly("notification:5");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void anItemWithMissingFieldsIsSkippedWithAReasonAndTheOthersAreStored(Store store) {
    start(store);
    kit.connect();
    ObjectNode ours = Fixtures.status("500", fake.meAsAccount(), "<p>Bread</p>", "public", null, null, Fixtures.T0);
    ObjectNode noStatus = Fixtures.notification("11", "mention", account(301), null, Fixtures.T0.plusSeconds(11));
    ObjectNode noAccount = Fixtures.notification("10", "follow", account(302), null, Fixtures.T0.plusSeconds(10));
    noAccount.remove("account");
    ObjectNode noTime = Fixtures.notification("9", "favourite", account(303), ours, Fixtures.T0);
    noTime.remove("created_at");
    ArrayNode page = Fixtures.array(Fixtures.notification("12", "favourite", account(304), ours, Fixtures.T0.plusSeconds(12)),
        noStatus, noAccount, noTime, Fixtures.notification("8", "follow", account(305), null, Fixtures.T0.plusSeconds(8)));
    fake.unchecked(get(urlPathEqualTo("/api/v1/notifications")).withQueryParam("min_id", absent()),
        FakeMastodon.jsonResponse(200, page.toString()));
    try (LogCapture logs = new LogCapture()) {
      kit.sync();
      assertThat(kit.events()).extracting(NetworkEvent::remoteId).containsExactlyInAnyOrder("notification:8", "notification:12");
      assertThat(kit.channel().status()).isEqualTo(Channel.Status.CONNECTED);
      assertThat(kit.activityState()).startsWith("{\"notifications\":\"12\"");
      assertThat(logs.lines()).anyMatch(l -> l.contains("Skipped Mastodon notification 11") && l.contains("no status"))
          .anyMatch(l -> l.contains("Skipped Mastodon notification 10") && l.contains("no account"))
          .anyMatch(l -> l.contains("Skipped Mastodon notification 9") && l.contains("no created_at"));
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aRevokedTokenTurnsTheChannelToNeedsReconnectAndTellsTheOwners(Store store) {
    start(store);
    kit.connect();
    fake.json(get(urlPathEqualTo("/api/v1/notifications")).withQueryParam("min_id", absent()), "GET", "/api/v1/notifications", 401,
        Fixtures.error("The access token was revoked"));
    assertThat(kit.sync()).as("no further runs").isNull();
    Channel channel = kit.channel();
    assertThat(channel.status()).isEqualTo(Channel.Status.NEEDS_RECONNECT);
    assertThat(channel.statusDetail()).contains("no longer accepts the credentials").contains("revoked").doesNotContain(kit.token);
    List<String> notices = kit.jdbc().sql(
            "SELECT text FROM owner_notifications WHERE workspace_id = :ws AND kind = 'channel-needs-reconnect' AND subject_id = :c")
        .param("ws", kit.team.workspaceId()).param("c", channel.id()).query(String.class).list();
    assertThat(notices).hasSize(1);
    assertThat(notices.get(0)).contains("@socius@127.0.0.1").contains("needs to be connected again");
    int requests = fake.requestCount();
    assertThat(kit.sync()).isNull();
    assertThat(fake.requestCount()).as("a channel that needs reconnecting is not synced").isEqualTo(requests);
  }

  private static ObjectNode account(int n) {
    return Fixtures.account(String.valueOf(n), "user" + n + "@remote" + (n % 7) + ".example", "User " + n, "<p>Bio " + n + "</p>");
  }

  private static ArrayNode favourites(int from, int to, ObjectNode status) {
    ArrayNode page = Fixtures.JSON.createArrayNode();
    for (int i = to; i >= from; i--) {
      page.add(Fixtures.notification(String.valueOf(i), "favourite", account(i), status, Fixtures.T0.plusSeconds(i)));
    }
    return page;
  }
}
