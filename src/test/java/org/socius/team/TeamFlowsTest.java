package org.socius.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.socius.testing.Teams;

/** The team's main flows through the running app, on SQLite and PostgreSQL. */
class TeamFlowsTest {

  @ParameterizedTest
  @EnumSource(Store.class)
  void anInvitedEditorJoinsOnceAndSeesTheWorkspace(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    var editor = team.join("editor");
    assertThat(editor.web().get("/w/" + team.slug() + "/today").status()).isEqualTo(200);
    var members = team.owner().web().api("GET", "/api/v1/workspaces/" + team.workspaceId() + "/members", team.ownerToken(), null);
    assertThat(members.body()).contains("\"role\":\"editor\"").contains("\"role\":\"owner\"");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void anInvitationLinkWorksOnlyOnce(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    var page = team.owner().web().post("/w/" + team.slug() + "/settings/members", "/w/" + team.slug() + "/settings/invitations",
        Map.of("role", "viewer", "note", ""));
    String path = page.body().replaceAll("(?s).*value=\"https?://[^/]+(/invite/[^\"]+)\".*", "$1");
    var first = app.session().post(path, path + "/register", Map.of("name", "A", "email", Teams.unique("a") + "@x.test", "password", Teams.PASSWORD));
    assertThat(first.status()).isEqualTo(302);
    var second = app.session().get(path);
    assertThat(second.status()).isEqualTo(404);
    assertThat(second.body()).contains("has been used");
  }
}
