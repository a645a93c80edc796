package org.socius.feeds.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.feeds.internal.parse.PageMeta;
import org.socius.people.People;
import org.socius.people.Person;
import org.socius.platform.Ids;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.socius.testing.Teams;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who a shared page is credited to, in the running app on SQLite and PostgreSQL: the creator tag,
 * then a rel="me" profile, then a person in people whose website is on the page's host (by their
 * account on the network of the workspace's channels), then the site's name, then the host.
 */
class ShareCreditTest {

  static final String LINK = "https://www.ann.example/2026/gardens";
  static final PageMeta PLAIN = new PageMeta("T", "Ann's notes", null, List.of());

  static void person(Teams.Team team, String name, String website, String accounts) {
    var r = team.owner().web().api("POST", "/api/v1/workspaces/" + team.workspaceId() + "/people", team.ownerToken(),
        "{\"displayName\":\"" + name + "\",\"website\":\"" + website + "\",\"accounts\":[" + accounts + "]}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  static final String ANNS = "{\"network\":\"mastodon\",\"handle\":\"@ann@social.example\"},"
      + "{\"network\":\"bluesky\",\"handle\":\"ann.bsky.social\"}";

  static void channel(SociusApp app, Teams.Team team, String network, String status) {
    String id = Ids.newId();
    app.bean(JdbcClient.class).sql("""
        INSERT INTO channels (id, workspace_id, network, remote_id, handle, service_url, credentials, status, created_at)
        VALUES (:id, :ws, :network, :id, '@us', 'https://service.example', '-', :status, :now)""")
        .param("id", id).param("ws", team.workspaceId()).param("network", network).param("status", status)
        .param("now", System.currentTimeMillis()).update();
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void theCreatorTagWinsThenRelMeThenAPersonWhoseWebsiteItIsThenTheSite(Store store) {
    SociusApp app = SociusApp.shared(store);
    SharePage share = app.bean(SharePage.class);
    var team = Teams.create(app);
    person(team, "Ann", "https://ann.example/", ANNS);

    assertThat(share.credit(team.workspaceId(), new PageMeta("T", "Site", "@bo@masto.example",
        List.of("https://bsky.app/profile/c.example")), LINK)).isEqualTo("@bo@masto.example");
    assertThat(share.credit(team.workspaceId(), new PageMeta("T", "Site", null,
        List.of("https://ann.example/about", "https://bsky.app/profile/c.example")), LINK)).isEqualTo("@c.example");
    assertThat(share.credit(team.workspaceId(), PLAIN, LINK)).as("Ann's website, with or without www.")
        .isIn("@ann@social.example", "@ann.bsky.social");
    assertThat(share.credit(team.workspaceId(), PLAIN, "https://joann.example/x")).isEqualTo("Ann's notes");
    assertThat(share.credit(team.workspaceId(), null, "https://ann.example.org/x")).isEqualTo("ann.example.org");
    var other = Teams.create(app);
    assertThat(share.credit(other.workspaceId(), PLAIN, LINK)).as("another workspace's people").isEqualTo("Ann's notes");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void theCreditIsThePersonsAccountOnTheNetworkOfTheWorkspacesChannels(Store store) {
    SociusApp app = SociusApp.shared(store);
    SharePage share = app.bean(SharePage.class);
    var bluesky = Teams.create(app);
    person(bluesky, "Ann", "http://www.ann.example/blog", ANNS);
    channel(app, bluesky, "mastodon", "disconnected");
    channel(app, bluesky, "bluesky", "connected");
    assertThat(share.credit(bluesky.workspaceId(), null, LINK)).as("even when the page could not be read").isEqualTo("@ann.bsky.social");

    var mastodon = Teams.create(app);
    person(mastodon, "Ann", "https://ann.example", ANNS);
    channel(app, mastodon, "mastodon", "connected");
    assertThat(share.credit(mastodon.workspaceId(), PLAIN, LINK)).isEqualTo("@ann@social.example");

    var onlyBluesky = Teams.create(app);
    person(onlyBluesky, "No accounts", "https://ann.example/", "");
    person(onlyBluesky, "Ann", "https://ann.example/", "{\"network\":\"bluesky\",\"handle\":\"ann.bsky.social\"}");
    channel(app, onlyBluesky, "mastodon", "connected");
    assertThat(share.credit(onlyBluesky.workspaceId(), PLAIN, LINK)).as("a person without accounts is passed over; "
        + "an account on another network is better than none").isEqualTo("@ann.bsky.social");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void peopleAreFoundByTheHostOfTheirWebsiteOnly(Store store) {
    SociusApp app = SociusApp.shared(store);
    People people = app.bean(People.class);
    var team = Teams.create(app);
    person(team, "Ann", "https://www.ann.example/", "");
    person(team, "Jo", "https://joann.example/", "");
    person(team, "Org", "https://ann.example.org/", "");
    person(team, "Axb", "https://axb.example/", "");
    person(team, "Nobody", "", "");

    assertThat(people.byWebsite(team.workspaceId(), "ann.example").stream().map(Person::displayName)).containsExactly("Ann");
    assertThat(people.byWebsite(team.workspaceId(), "WWW.Ann.Example").stream().map(Person::displayName)).containsExactly("Ann");
    assertThat(people.byWebsite(team.workspaceId(), "axb.example").stream().map(Person::displayName)).containsExactly("Axb");
    assertThat(people.byWebsite(team.workspaceId(), "a_b.example")).as("LIKE characters are plain text").isEmpty();
    assertThat(people.byWebsite(team.workspaceId(), "a%b.example")).isEmpty();
    assertThat(people.byWebsite(team.workspaceId(), "nn.example")).isEmpty();
    assertThat(people.byWebsite(team.workspaceId(), "")).isEmpty();
    assertThat(people.byWebsite(Teams.create(app).workspaceId(), "ann.example")).isEmpty();
  }
}
