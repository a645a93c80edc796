package org.socius.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socius.people.PeopleTest.api;
import static org.socius.people.PeopleTest.publish;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.networks.Actor;
import org.socius.networks.EventType;
import org.socius.networks.Network;
import org.socius.networks.NetworkEvent;
import org.socius.platform.Ids;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.socius.testing.Teams;
import tools.jackson.databind.JsonNode;

/** Two accounts of one person become one person when a member confirms, and the merge can be undone. */
class MergeTest {

  @ParameterizedTest
  @EnumSource(Store.class)
  void aSuggestedPairIsMergedAndTheMergeUndoneWithNothingLost(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    var other = Teams.create(app);
    Instant earlier = Instant.now().minusSeconds(3600);
    publish(app, follow(team, Network.MASTODON, "m1", "@ann@social.example", "Ann Bell", "Ringer https://annbell.example", earlier));
    publish(app, follow(team, Network.BLUESKY, "did:plc:ann", "ann.bsky.social", "Ann Bell", "Blog: https://annbell.example/", Instant.now()));
    publish(app, follow(other, Network.MASTODON, "m9", "@zed@social.example", "Zed", "", earlier));

    JsonNode suggestions = api(team, "GET", "/people/merge-suggestions", null, 200);
    assertThat(suggestions.size()).isEqualTo(1);
    assertThat(suggestions.get(0).path("reason").asString()).isEqualTo("SAME_NAME_AND_LINK");
    String kept = suggestions.get(0).path("personId").asString();
    String gone = suggestions.get(0).path("otherId").asString();
    api(team, "POST", "/people/" + gone + "/tags", "{\"tag\": \"bell-ringers\"}", 200);
    api(team, "POST", "/people/" + gone + "/notes", "{\"body\": \"Met at the parish conference\"}", 201);

    String zed = api(other, "GET", "/people", null, 200).path("items").get(0).path("id").asString();
    api(team, "POST", "/people/" + kept + "/merge", "{\"other\": \"" + zed + "\"}", 404);
    api(team, "POST", "/people/" + kept + "/merge", "{\"other\": \"" + kept + "\"}", 400);

    JsonNode merged = api(team, "POST", "/people/" + kept + "/merge", "{\"other\": \"" + gone + "\"}", 201);
    api(team, "GET", "/people/" + gone, null, 404);
    JsonNode person = api(team, "GET", "/people/" + kept, null, 200);
    assertThat(person.path("accounts").size()).isEqualTo(2);
    assertThat(person.path("tags").toString()).contains("bell-ringers");
    assertThat(api(team, "GET", "/people/" + kept + "/interactions", null, 200).toString()).contains("followed");
    assertThat(api(team, "GET", "/people/" + kept + "/notes", null, 200).toString()).contains("parish conference");
    assertThat(api(team, "GET", "/people/merge-suggestions", null, 200).size()).isZero();

    api(team, "POST", "/people/merges/" + merged.path("mergeId").asString() + "/undo", null, 204);
    api(team, "POST", "/people/merges/" + merged.path("mergeId").asString() + "/undo", null, 409);
    JsonNode back = api(team, "GET", "/people/" + gone, null, 200);
    assertThat(back.path("accounts").size()).isEqualTo(1);
    assertThat(back.path("tags").toString()).contains("bell-ringers");
    assertThat(api(team, "GET", "/people/" + gone + "/notes", null, 200).toString()).contains("parish conference");
    JsonNode keptAgain = api(team, "GET", "/people/" + kept, null, 200);
    assertThat(keptAgain.path("accounts").size()).isEqualTo(1);
    assertThat(keptAgain.path("tags").toString()).doesNotContain("bell-ringers");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void thePagesSuggestMergeAndOfferUndo(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    publish(app, follow(team, Network.MASTODON, "m2", "@rosa@social.example", "Café Rosa", "", Instant.now()));
    publish(app, follow(team, Network.BLUESKY, "did:plc:rosa", "rosa.bsky.social", "Rosa", "Also https://mastodon.example/m2",
        Instant.now()));
    var web = team.owner().web();
    String page = "/w/" + team.slug() + "/people/merge";
    var suggestions = web.get(page);
    assertThat(suggestions.status()).isEqualTo(200);
    assertThat(suggestions.body()).contains("Café Rosa").contains("One bio links to the other").contains("mastodon.example/m2");
    JsonNode pair = api(team, "GET", "/people/merge-suggestions", null, 200).get(0);
    String kept = pair.path("personId").asString();
    var merged = web.post(page, "/w/" + team.slug() + "/people/" + kept + "/merge", java.util.Map.of("other", pair.path("otherId").asString()));
    assertThat(merged.status()).isEqualTo(302);
    var keptPage = web.get(merged.location());
    assertThat(keptPage.body()).contains("Merged into one person.").contains("Undo the merge");
    assertThat(api(team, "GET", "/people/" + kept, null, 200).path("accounts").size()).isEqualTo(2);
    assertThat(web.get(page).body()).contains("No suggestions");
  }

  private static NetworkEvent follow(Teams.Team team, Network network, String id, String handle, String name, String bio, Instant at) {
    Actor actor = new Actor(id, handle, name, "<p>" + bio + "</p>", bio, "", "https://" + network.code() + ".example/" + id);
    return new NetworkEvent(Ids.newId(), team.workspaceId(), Ids.newId(), network, EventType.FOLLOWER_GAINED, "f-" + Ids.newId(), actor,
        null, false, at, Instant.now());
  }
}
