package org.socius.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.socius.testing.Teams;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * People through the running app: network events become people, accounts and interactions
 * (once each), bios are tracked, and the API and pages show and change what the team keeps.
 * The events are published as the networks capability publishes them after storing one, inside
 * a transaction: the local Mastodon stand-in does not serve notifications yet, so mentions and
 * replies cannot come through a real sync in this round. Followers do: {@code FollowerImportTest}
 * checks that a real Bluesky sync makes them people.
 */
class PeopleTest {

  static final JsonMapper JSON = JsonMapper.builder().build();

  static NetworkEvent event(Teams.Team team, EventType type, Actor actor, Post post, boolean backfill, Instant at) {
    return new NetworkEvent(Ids.newId(), team.workspaceId(), Ids.newId(), Network.MASTODON, type, "remote-" + Ids.newId(), actor, post,
        backfill, at, Instant.now());
  }

  static Actor actor(String id, String handle, String name, String bio) {
    return new Actor(id, handle, name, "<p>" + bio + "</p>", bio, "https://example.social/avatars/" + id + ".png",
        "https://example.social/@" + id);
  }

  static void publish(SociusApp app, NetworkEvent e) {
    new TransactionTemplate(app.bean(PlatformTransactionManager.class))
        .executeWithoutResult(s -> app.context().publishEvent(new NetworkEventRecorded(e)));
  }

  static JsonNode api(Teams.Team team, String method, String path, String body, int status) {
    var r = team.owner().web().api(method, "/api/v1/workspaces/" + team.workspaceId() + path, team.ownerToken(), body);
    assertThat(r.status()).as(method + " " + path + ": " + r.body()).isEqualTo(status);
    return r.body().isEmpty() ? null : JSON.readTree(r.body());
  }

  static java.util.List<String> ids(JsonNode people) {
    return people.valueStream().map(p -> p.path("id").asString()).toList();
  }

  static boolean absent(JsonNode node) {
    return node.isNull() || node.isMissingNode();
  }

  static long count(SociusApp app, String sql, String workspaceId) {
    return app.bean(JdbcClient.class).sql(sql).param("ws", workspaceId).query(Long.class).single();
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aNewFollowerBecomesAPersonAndTheSameEventTwiceIsOneInteraction(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    Instant imported = Instant.now().minus(Duration.ofDays(2));
    NetworkEvent follow = event(team, EventType.FOLLOWER_GAINED, actor("101", "@ann@example.social", "Ann", "Bell ringer"), null, true,
        imported);
    publish(app, follow);
    publish(app, follow);

    JsonNode people = api(team, "GET", "/people", null, 200).path("items");
    assertThat(people).hasSize(1);
    JsonNode ann = people.get(0);
    assertThat(ann.path("displayName").asString()).isEqualTo("Ann");
    assertThat(ann.path("accounts").get(0).path("handle").asString()).isEqualTo("@ann@example.social");
    assertThat(ann.path("accounts").get(0).path("bioText").asString()).isEqualTo("Bell ringer");
    assertThat(absent(ann.path("accounts").get(0).path("bioChangedAt"))).isTrue();
    assertThat(Instant.parse(ann.path("lastInteractionAt").asString())).isEqualTo(imported.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    JsonNode timeline = api(team, "GET", "/people/" + ann.path("id").asString() + "/interactions", null, 200);
    assertThat(timeline).hasSize(1);
    assertThat(timeline.get(0).path("kind").asString()).isEqualTo("followed");
    assertThat(timeline.get(0).path("direction").asString()).isEqualTo("in");
    assertThat(timeline.get(0).path("networkEventId").asString()).isEqualTo(follow.id());
    assertThat(count(app, "SELECT COUNT(*) FROM interactions WHERE workspace_id = :ws", team.workspaceId())).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aKnownAccountIsUpdatedAndABioChangeIsNoted(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    publish(app, event(team, EventType.FOLLOWER_GAINED, actor("202", "@bo@example.social", "Bo", "Organist"), null, false,
        Instant.now().minus(Duration.ofDays(3))));
    publish(app, event(team, EventType.MENTIONED, actor("202", "@bo@other.example", "Bo Berg", "Organist"),
        new Post("s1", "https://other.example/@bo/s1", "Hello from the loft", "en", Instant.now(), null, null), false,
        Instant.now().minus(Duration.ofDays(1))));
    JsonNode bo = api(team, "GET", "/people", null, 200).path("items").get(0);
    assertThat(bo.path("displayName").asString()).isEqualTo("Bo Berg"); // the name follows the account until a member names them
    assertThat(bo.path("accounts")).hasSize(1);
    assertThat(bo.path("accounts").get(0).path("handle").asString()).isEqualTo("@bo@other.example");
    assertThat(absent(bo.path("accounts").get(0).path("bioChangedAt"))).as("same bio").isTrue();

    publish(app, event(team, EventType.FAVOURITED, actor("202", "@bo@other.example", "Bo Berg", "Organist <script>x</script>"), null,
        false, Instant.now()));
    bo = api(team, "GET", "/people/" + bo.path("id").asString(), null, 200);
    assertThat(bo.path("accounts").get(0).path("bioText").asString()).isEqualTo("Organist <script>x</script>");
    assertThat(absent(bo.path("accounts").get(0).path("bioChangedAt"))).isFalse();
    // one who stops following may arrive as an old snapshot: it changes nothing of the account
    publish(app, event(team, EventType.FOLLOWER_LOST, new Actor("202", "202", "", "", "", "", ""), null, false, Instant.now()));
    bo = api(team, "GET", "/people/" + bo.path("id").asString(), null, 200);
    assertThat(bo.path("accounts").get(0).path("handle").asString()).isEqualTo("@bo@other.example");
    JsonNode timeline = api(team, "GET", "/people/" + bo.path("id").asString() + "/interactions", null, 200);
    assertThat(timeline.findValuesAsString("kind")).containsExactly("unfollowed", "favourited", "mentioned", "followed");
    assertThat(timeline.get(2).path("text").asString()).isEqualTo("Hello from the loft");

    String page = team.owner().web().get("/w/" + team.slug() + "/people/" + bo.path("id").asString()).body();
    assertThat(page).contains("Organist &lt;script&gt;x&lt;/script&gt;").doesNotContain("<script>x").contains("Bio changed")
        .contains("Hello from the loft").contains("Stopped following you");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void notesTagsDetailsAndALoggedContactThroughTheApi(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    publish(app, event(team, EventType.MENTIONED, actor("303", "@cy@example.social", "Cy", "Choir director"),
        new Post("s3", "https://example.social/@cy/s3", "Rehearsal at eight?", "en", Instant.now(), null, null), false,
        Instant.now().minus(Duration.ofDays(40))));
    String id = api(team, "GET", "/people", null, 200).path("items").get(0).path("id").asString();
    String person = "/people/" + id;

    // refused requests store nothing
    api(team, "POST", person + "/notes", "{\"body\":\"  \"}", 400);
    api(team, "POST", person + "/tags", "{\"tag\":\"<b>\"}", 400);
    api(team, "PUT", person, "{\"displayName\":\"Cy\",\"cadenceDays\":0}", 400);
    api(team, "POST", person + "/interactions", "{\"text\":\"later\",\"occurredAt\":\"2999-01-01T00:00:00Z\"}", 400);
    assertThat(api(team, "GET", person + "/notes", null, 200)).isEmpty();
    assertThat(api(team, "GET", person, null, 200).path("tags")).isEmpty();
    assertThat(api(team, "GET", person + "/interactions", null, 200)).hasSize(1);

    api(team, "POST", person + "/notes", "{\"body\":\"Sings **tenor**; ask about the *Messiah*\"}", 201);
    assertThat(api(team, "POST", person + "/tags", "{\"tag\":\"Choir\"}", 200).get(0).asString()).isEqualTo("choir");
    assertThat(api(team, "GET", person, null, 200).path("tags").get(0).asString()).isEqualTo("choir");
    api(team, "PUT", person, "{\"displayName\":\"Cyril\",\"website\":\"https://cy.example\",\"howWeMet\":\"Parish choir\","
        + "\"timeZone\":\"Europe/Berlin\",\"cadenceDays\":30}", 200);

    // past due: the last contact was 40 days ago and the cadence is 30
    assertThat(ids(api(team, "GET", "/people/reconnect", null, 200))).containsExactly(id);
    assertThat(team.owner().web().get("/w/" + team.slug() + "/people").body()).contains("Reconnect").contains("10 days overdue")
        .contains("Their latest: Rehearsal at eight?");
    // search by tag, note text, bio text and handle
    for (String q : java.util.List.of("choir", "messiah", "director", "cy@example", "cyril")) {
      assertThat(ids(api(team, "GET", "/people?q=" + q, null, 200).path("items"))).as(q).containsExactly(id);
    }
    assertThat(api(team, "GET", "/people?q=100%25", null, 200).path("items")).isEmpty();

    // any interaction resets keeping in touch; a logged contact counts as a conversation
    assertThat(api(team, "GET", "/people/figures", null, 200).path("genuineRelationships").asLong()).isZero();
    JsonNode logged = api(team, "POST", person + "/interactions", "{\"text\":\"Met at the parish conference\"}", 201);
    assertThat(logged.path("kind").asString()).isEqualTo("manual");
    assertThat(logged.path("direction").asString()).isEqualTo("out");
    assertThat(api(team, "GET", "/people/reconnect", null, 200)).isEmpty();
    JsonNode cy = api(team, "GET", person, null, 200);
    assertThat(cy.path("displayName").asString()).isEqualTo("Cyril");
    assertThat(cy.path("strength").path("reasons").get(0).path("text").asString()).isEqualTo("1 conversation in the last 30 days");
    assertThat(api(team, "GET", "/people/figures", null, 200).path("genuineRelationships").asLong()).isEqualTo(1);
    // the name a member gave stays when the account shows up again
    publish(app, event(team, EventType.FAVOURITED, actor("303", "@cy@example.social", "Cy", "Choir director"), null, false,
        Instant.now()));
    assertThat(api(team, "GET", person, null, 200).path("displayName").asString()).isEqualTo("Cyril");

    api(team, "DELETE", person + "/interactions/" + logged.path("id").asString(), null, 204);
    api(team, "DELETE", person + "/tags/choir", null, 204);
    assertThat(api(team, "GET", person, null, 200).path("tags")).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void thePagesListSearchAndChangeAPerson(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    publish(app, event(team, EventType.REPLIED, actor("404", "@dee@example.social", "Dee <i>", "Sexton"),
        new Post("s4", "javascript:alert(1)", "<img src=x onerror=alert(1)>", "en", Instant.now(), "s0", "s0"), false, Instant.now()));
    var web = team.owner().web();
    String list = "/w/" + team.slug() + "/people";
    String body = web.get(list).body();
    assertThat(body).contains("Dee &lt;i&gt;").contains("@dee@example.social").doesNotContain("arrives with its capability");
    assertThat(web.get(list + "?q=sexton&sort=strength").body()).contains("Dee &lt;i&gt;");
    assertThat(web.get(list + "?q=nobody").body()).doesNotContain("Dee &lt;i&gt;");
    assertThat(web.get(list + "?sort=loudest").status()).isEqualTo(400);
    String id = api(team, "GET", "/people", null, 200).path("items").get(0).path("id").asString();
    String page = list + "/" + id;
    body = web.get(page).body();
    assertThat(body).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("javascript:").doesNotContain("<img src=x");

    assertThat(web.post(page, page + "/notes", Map.of("body", "Rings the <b>bells</b>")).location()).isEqualTo(page);
    assertThat(web.post(page, page + "/tags", Map.of("tag", "bells")).location()).isEqualTo(page);
    assertThat(web.post(page, page + "/interactions", Map.of("text", "Coffee after mass")).location()).isEqualTo(page);
    assertThat(web.post(page, page, Map.of("displayName", "Dee", "website", "ftp://x", "cadenceDays", "14")).location()).isEqualTo(page);
    body = web.get(page).body();
    assertThat(body).contains("Rings the &lt;b&gt;bells&lt;/b&gt;").contains("Owner Person").contains("Coffee after mass")
        .contains(">bells<").contains("Give a web address starting with http:// or https://.");
    assertThat(web.post(page, page, Map.of("displayName", "Dee", "cadenceDays", "14")).location()).isEqualTo(page);
    assertThat(web.get(page).body()).contains("Keep in touch: due on");

    // a viewer reads and cannot change; another workspace does not see the person
    var viewer = team.join("viewer");
    assertThat(viewer.web().get(page).status()).isEqualTo(200);
    assertThat(viewer.web().post(page, page + "/notes", Map.of("body", "x")).status()).isEqualTo(403);
    var other = Teams.create(app);
    assertThat(other.owner().web().get("/w/" + other.slug() + "/people/" + id).status()).isEqualTo(404);
    assertThat(other.owner().web().api("GET", "/api/v1/workspaces/" + other.workspaceId() + "/people/" + id, other.ownerToken(), null)
        .status()).isEqualTo(404);
    assertThat(count(app, "SELECT COUNT(*) FROM person_notes WHERE workspace_id = :ws", team.workspaceId())).isEqualTo(1);
  }
}
