package org.socius.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socius.people.PeopleTest.actor;
import static org.socius.people.PeopleTest.api;
import static org.socius.people.PeopleTest.count;
import static org.socius.people.PeopleTest.event;
import static org.socius.people.PeopleTest.publish;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.networks.EventType;
import org.socius.networks.NetworkEvent;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.socius.testing.Teams;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A person's data can be exported whole, and deleted by an owner without touching the networks' event log. */
class PrivacyTest {

  @ParameterizedTest
  @EnumSource(Store.class)
  void everythingAboutAPersonIsExportedAndAnOwnerCanDeleteIt(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    var follow = event(team, EventType.FOLLOWER_GAINED, actor("301", "@cleo@example.social", "Cleo", "Choir leader"), null, false,
        Instant.now());
    stored(app, follow); // as the networks capability stores it before telling others
    publish(app, follow);
    String id = api(team, "GET", "/people", null, 200).path("items").get(0).path("id").asString();
    api(team, "POST", "/people/" + id + "/notes", "{\"body\": \"Asked about the choir's spring concert\"}", 201);
    api(team, "POST", "/people/" + id + "/tags", "{\"tag\": \"choir\"}", 200);

    var raw = team.owner().web().api("GET", "/api/v1/workspaces/" + team.workspaceId() + "/people/" + id + "/export", team.ownerToken(), null);
    assertThat(raw.status()).isEqualTo(200);
    assertThat(raw.header("Content-Disposition")).contains("attachment").contains(id);
    JsonNode export = PeopleTest.JSON.readTree(raw.body());
    assertThat(export.path("person").path("accounts").get(0).path("handle").asString()).isEqualTo("@cleo@example.social");
    assertThat(export.path("person").path("tags").toString()).contains("choir");
    assertThat(export.path("interactions").get(0).path("kind").asString()).isEqualTo("followed");
    assertThat(export.path("notes").get(0).path("body").asString()).contains("spring concert");

    Teams.Person editor = team.join("editor");
    var refused = editor.web().api("DELETE", "/api/v1/workspaces/" + team.workspaceId() + "/people/" + id, team.token(editor, "editor"), null);
    assertThat(refused.status()).isEqualTo(403);
    long events = count(app, "SELECT COUNT(*) FROM network_events WHERE workspace_id = :ws", team.workspaceId());
    api(team, "DELETE", "/people/" + id, null, 204);
    api(team, "GET", "/people/" + id, null, 404);
    assertThat(count(app, "SELECT COUNT(*) FROM person_notes WHERE workspace_id = :ws", team.workspaceId())).isZero();
    assertThat(count(app, "SELECT COUNT(*) FROM person_tags WHERE workspace_id = :ws", team.workspaceId())).isZero();
    assertThat(events).isEqualTo(1);
    assertThat(count(app, "SELECT COUNT(*) FROM network_events WHERE workspace_id = :ws", team.workspaceId()))
        .as("the networks' event log is kept").isEqualTo(events);
  }

  private static void stored(SociusApp app, NetworkEvent e) {
    var jdbc = app.bean(JdbcClient.class);
    jdbc.sql("""
        INSERT INTO channels (id, workspace_id, network, remote_id, handle, service_url, credentials, created_at)
        VALUES (:id, :ws, 'mastodon', :id, '@us@example.social', 'https://example.social', '-', :now)""")
        .param("id", e.channelId()).param("ws", e.workspaceId()).param("now", System.currentTimeMillis()).update();
    jdbc.sql("""
        INSERT INTO network_events (id, workspace_id, channel_id, network, type, remote_id, actor_id, actor_handle, occurred_at, recorded_at)
        VALUES (:id, :ws, :channel, 'mastodon', 'follower_gained', :remote, :actor, :handle, :now, :now)""")
        .param("id", e.id()).param("ws", e.workspaceId()).param("channel", e.channelId()).param("remote", e.remoteId())
        .param("actor", e.actor().remoteId()).param("handle", e.actor().handle()).param("now", System.currentTimeMillis()).update();
  }
}
