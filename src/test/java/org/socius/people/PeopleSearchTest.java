package org.socius.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socius.people.PeopleTest.actor;
import static org.socius.people.PeopleTest.api;
import static org.socius.people.PeopleTest.count;
import static org.socius.people.PeopleTest.event;
import static org.socius.people.PeopleTest.ids;
import static org.socius.people.PeopleTest.publish;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.networks.EventType;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.socius.testing.Teams;

/**
 * Full-text search of people on both databases: words as prefixes of names, handles, bios, tags
 * and notes; best matches first; the index follows every change (details, accounts, tags, notes,
 * merge and its undo, deletion), and stays within the workspace.
 */
class PeopleSearchTest {

  private static List<String> find(Teams.Team team, String q) {
    return ids(api(team, "GET", "/people?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), null, 200).path("items"));
  }

  private static String idOf(Teams.Team team, String handleQuery) {
    List<String> found = find(team, handleQuery);
    assertThat(found).as(handleQuery).hasSize(1);
    return found.get(0);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void findsByPrefixesOfNamesHandlesBiosTagsAndNotesBestFirst(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    Instant now = Instant.now();
    publish(app, event(team, EventType.FOLLOWER_GAINED, actor("s1", "@ann@example.social", "Annette Müller", "Bell ringer at St. Mary's"),
        null, false, now.minus(Duration.ofDays(3))));
    publish(app, event(team, EventType.FOLLOWER_GAINED, actor("s2", "@bo@other.example", "Bo", "Organist; plays with Annette"), null,
        false, now.minus(Duration.ofDays(1))));
    publish(app, event(team, EventType.FOLLOWER_GAINED, actor("s3", "@cy@example.social", "Cy", "Choir director"), null, false,
        now.minus(Duration.ofDays(2))));
    String ann = idOf(team, "@ann@example.social");
    String bo = idOf(team, "organist");
    String cy = idOf(team, "director");

    // a name's start, as typed, finds the name first and a bio that names her after it
    assertThat(find(team, "ann")).containsExactly(ann, bo);
    assertThat(find(team, "Annet")).containsExactly(ann, bo);
    // the handle by its parts and in full; accents and case do not matter
    assertThat(find(team, "ann@example.soc")).containsExactly(ann);
    assertThat(find(team, "ann@example")).containsExactly(ann, bo); // his handle is on other.example, his bio names Annette
    assertThat(find(team, "muller")).containsExactly(ann);
    assertThat(find(team, "MÜL")).containsExactly(ann);
    assertThat(find(team, "bell ring")).containsExactly(ann);
    assertThat(find(team, "example.social")).containsExactlyInAnyOrder(ann, cy);
    assertThat(find(team, "nobody")).isEmpty();
    assertThat(find(team, "%!*\"")).isEmpty();
    assertThat(find(team, "ann NOT bo")).isEmpty(); // query syntax is plain words: "not" is one more word
    assertThat(find(team, "\"ann\" NEAR(bo)")).isEmpty();
    // another workspace finds none of them
    assertThat(ids(api(Teams.create(app), "GET", "/people?q=ann", null, 200).path("items"))).isEmpty();

    // tags and notes, as they are added and removed
    api(team, "POST", "/people/" + cy + "/tags", "{\"tag\":\"Tenors\"}", 200);
    String note = api(team, "POST", "/people/" + cy + "/notes", "{\"body\":\"Ask about the *Messiah*\"}", 201).path("id").asString();
    assertThat(find(team, "tenor")).containsExactly(cy);
    assertThat(find(team, "messiah")).containsExactly(cy);
    api(team, "DELETE", "/people/" + cy + "/tags/tenors", null, 204);
    api(team, "DELETE", "/people/" + cy + "/notes/" + note, null, 204);
    assertThat(find(team, "tenor")).isEmpty();
    assertThat(find(team, "messiah")).isEmpty();

    // a new name, and a bio that changed on the network
    api(team, "PUT", "/people/" + cy, "{\"displayName\":\"Cyril Haas\"}", 200);
    assertThat(find(team, "cyril")).containsExactly(cy);
    publish(app, event(team, EventType.FAVOURITED, actor("s2", "@bo@other.example", "Bo", "Cantor now"), null, false, now));
    assertThat(find(team, "organist")).isEmpty();
    assertThat(find(team, "cantor")).containsExactly(bo);
    assertThat(find(team, "ann")).containsExactly(ann);

    // the list page searches the same way, best match first
    String page = team.owner().web().get("/w/" + team.slug() + "/people?q=cant").body();
    assertThat(page).contains("Bo").doesNotContain("Annette").contains("value=\"relevance\" selected");
    // the workspace's figures head the list, not a search's results
    assertThat(page).doesNotContain("genuine relationship");
    assertThat(team.owner().web().get("/w/" + team.slug() + "/people").body()).contains("among 3 people Socius knows");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void theIndexFollowsMergeUndoAndDeletion(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    publish(app, event(team, EventType.FOLLOWER_GAINED, actor("m1", "@dora@example.social", "Dora", "Weaver"), null, false,
        Instant.now()));
    publish(app, event(team, EventType.FOLLOWER_GAINED, actor("m2", "@dk@other.example", "D. K.", "Dyer of wool"), null, false,
        Instant.now()));
    String dora = idOf(team, "weaver");
    String dk = idOf(team, "dyer");
    api(team, "POST", "/people/" + dk + "/notes", "{\"body\":\"Lives by the mill\"}", 201);

    String merge = api(team, "POST", "/people/" + dora + "/merge", "{\"other\": \"" + dk + "\"}", 201).path("mergeId").asString();
    assertThat(find(team, "dyer")).containsExactly(dora);
    assertThat(find(team, "mill")).containsExactly(dora);
    assertThat(find(team, "dk@other")).containsExactly(dora);

    api(team, "POST", "/people/merges/" + merge + "/undo", null, 204);
    assertThat(find(team, "dyer")).containsExactly(dk);
    assertThat(find(team, "mill")).containsExactly(dk);
    assertThat(find(team, "weaver")).containsExactly(dora);

    api(team, "DELETE", "/people/" + dk, null, 204);
    assertThat(find(team, "dyer")).isEmpty();
    String documents = store == Store.SQLITE ? "SELECT COUNT(*) FROM person_search_docs WHERE workspace_id = :ws"
        : "SELECT COUNT(*) FROM person_search WHERE workspace_id = :ws";
    assertThat(count(app, documents, team.workspaceId())).isEqualTo(1);
    if (store == Store.SQLITE) { // the FTS5 index lost the removed person's entry too
      assertThat(count(app, "SELECT COUNT(*) FROM person_search WHERE person_search MATCH 'dyer' AND :ws IS NOT NULL",
          team.workspaceId())).isZero();
    }
  }
  @ParameterizedTest
  @EnumSource(Store.class)
  void equalMatchesGoMostRecentlyInTouchFirstAndALaterContactMovesAPersonUp(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    Instant now = Instant.now();
    // documents of the same length, so that relevance ties on both databases
    publish(app, event(team, EventType.FOLLOWER_GAINED, actor("r1", "@ada@one.example", "Ada Roe", "Potter"), null, false,
        now.minus(Duration.ofDays(9))));
    publish(app, event(team, EventType.FOLLOWER_GAINED, actor("r2", "@bea@one.example", "Bea Fox", "Potter"), null, false,
        now.minus(Duration.ofDays(5))));
    publish(app, event(team, EventType.FOLLOWER_GAINED, actor("r3", "@cal@one.example", "Cal Ray", "Potter"), null, false,
        now.minus(Duration.ofDays(7))));
    String ada = idOf(team, "ada roe");
    String bea = idOf(team, "bea fox");
    String cal = idOf(team, "cal ray");
    assertThat(find(team, "potter")).containsExactly(bea, cal, ada);

    // Ada writes today: she is now the most recently in touch, in every order that uses it
    publish(app, event(team, EventType.MENTIONED, actor("r1", "@ada@one.example", "Ada Roe", "Potter"), null, false, now));
    assertThat(find(team, "potter")).containsExactly(ada, bea, cal);
    String page = team.owner().web().get("/w/" + team.slug() + "/people?sort=recent&q=potter").body();
    assertThat(page.indexOf("Ada Roe")).isPositive().isLessThan(page.indexOf("Bea Fox"));
    assertThat(page.indexOf("Bea Fox")).isLessThan(page.indexOf("Cal Ray"));
    // a match in the name comes before any match in a bio, however recent
    publish(app, event(team, EventType.MENTIONED, actor("r4", "@dan@one.example", "Dan Potter", "Mason"), null, false,
        now.minus(Duration.ofDays(30))));
    assertThat(find(team, "potter").get(0)).isEqualTo(idOf(team, "mason"));
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aHandleTypedInFullComesBeforeHandlesThatHoldItsWordsApart(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    Instant now = Instant.now();
    publish(app, event(team, EventType.FOLLOWER_GAINED, actor("h1", "@pat-7f3a@one.example", "Pat", "Gardener"), null, false,
        now.minus(Duration.ofDays(40))));
    // more recently in touch, and every word of the query is in the handle, but apart
    publish(app, event(team, EventType.MENTIONED, actor("h2", "@pat-quinn-7f3a@one.example", "Quinn", "Writes"), null, false, now));
    String pat = idOf(team, "gardener");
    String quinn = idOf(team, "quinn");
    assertThat(find(team, "pat-7f3a")).containsExactly(pat, quinn);
    assertThat(find(team, "@pat-7f3a@one.example")).containsExactly(pat, quinn);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void anAccountCarriesTheLinksFoundInItsBio(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    publish(app, event(team, EventType.FOLLOWER_GAINED, actor("l1", "@lin@one.example", "Lin",
        "Bell ringer. Blog: https://bells.example.org/blog, photos at lin.photo.art; also https://bells.example.org/blog"), null,
        false, Instant.now()));
    String lin = idOf(team, "bell ringer");
    var account = api(team, "GET", "/people/" + lin, null, 200).path("accounts").get(0);
    assertThat(account.path("links").valueStream().map(n -> n.asString()).toList())
        .containsExactly("https://bells.example.org/blog", "https://lin.photo.art");
    String page = team.owner().web().get("/w/" + team.slug() + "/people/" + lin).body();
    assertThat(page).contains("<a href=\"https://lin.photo.art\" rel=\"noopener noreferrer nofollow\">");
  }
}
