package org.socius.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socius.people.PeopleTest.actor;
import static org.socius.people.PeopleTest.api;
import static org.socius.people.PeopleTest.count;
import static org.socius.people.PeopleTest.event;
import static org.socius.people.PeopleTest.publish;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.networks.EventType;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.socius.testing.Teams;
import org.socius.testing.WebSession;
import tools.jackson.databind.JsonNode;

/**
 * People by hand and through files, on both databases: vCard 4.0 and CSV exports import again
 * into the same people (round trip), known people are updated rather than duplicated, bad
 * entries are refused one by one with their reason, and a file that is not of its kind is
 * refused whole with nothing changed.
 */
class PeopleFilesTest {

  private static final String PEOPLE_COUNT = "SELECT COUNT(*) FROM people WHERE workspace_id = :ws";

  static WebSession.Response upload(Teams.Team team, String contentType, byte[] body) {
    return team.owner().web().send(HttpRequest.newBuilder(URI.create(team.owner().web().baseUrl() + "/api/v1/workspaces/"
            + team.workspaceId() + "/people/import"))
        .header("Authorization", "Bearer " + team.ownerToken()).header("Accept", "application/json").header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  static JsonNode importFile(Teams.Team team, String contentType, String text) {
    var r = upload(team, contentType, text.getBytes(StandardCharsets.UTF_8));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return PeopleTest.JSON.readTree(r.body());
  }

  static String export(Teams.Team team, String format, boolean notes) {
    var r = team.owner().web().api("GET", "/api/v1/workspaces/" + team.workspaceId() + "/people/export?format=" + format + "&notes="
        + notes, team.ownerToken(), null);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  /** What a round trip must keep of everyone, by name: accounts, website, tags, how we met, time zone, cadence and notes. */
  static Map<String, String> portable(Teams.Team team) {
    Map<String, String> byName = new TreeMap<>();
    for (JsonNode p : api(team, "GET", "/people?limit=100", null, 200).path("items")) {
      List<String> accounts = new ArrayList<>();
      p.path("accounts").forEach(a -> accounts.add(a.path("network").asString() + " " + a.path("handle").asString() + " "
          + a.path("profileUrl").asString()));
      accounts.sort(null);
      List<String> notes = new ArrayList<>();
      api(team, "GET", "/people/" + p.path("id").asString() + "/notes", null, 200).forEach(n -> notes.add(n.path("body").asString()));
      notes.sort(null);
      byName.put(p.path("displayName").asString(), accounts + " | " + p.path("website").asString() + " | " + p.path("tags") + " | "
          + p.path("howWeMet").asString() + " | " + p.path("timeZone").asString() + " | " + p.path("cadenceDays") + " | " + notes);
    }
    return byName;
  }

  static void fill(SociusApp app, Teams.Team team) {
    publish(app, event(team, EventType.FOLLOWER_GAINED, actor("501", "@ann@example.social", "Ann Bell", "Bell ringer, \"loud\"; yes"),
        null, false, Instant.now()));
    String ann = api(team, "GET", "/people?q=ann", null, 200).path("items").get(0).path("id").asString();
    api(team, "PUT", "/people/" + ann, "{\"displayName\":\"Ann Bell\",\"website\":\"https://ann.example/\",\"howWeMet\":"
        + "\"Parish conference, 2024; the one in Köln\",\"timeZone\":\"Europe/Berlin\",\"cadenceDays\":30}", 200);
    api(team, "POST", "/people/" + ann + "/tags", "{\"tag\":\"bells\"}", 200);
    api(team, "POST", "/people/" + ann + "/tags", "{\"tag\":\"choir folk\"}", 200);
    api(team, "POST", "/people/" + ann + "/notes", "{\"body\":\"Line one,\\nline two; with \\\"quotes\\\"\"}", 201);
    api(team, "POST", "/people/" + ann + "/notes", "{\"body\":\"Second note\"}", 201);
    // one added by hand, with only a Bluesky handle and a Mastodon account as well
    JsonNode bo = api(team, "POST", "/people", "{\"accounts\":[{\"network\":\"bluesky\",\"handle\":\"bo.bsky.social\"},"
        + "{\"network\":\"mastodon\",\"handle\":\"bo@organ.example\"}],\"tags\":[\"organ\"]}", 201);
    assertThat(bo.path("displayName").asString()).isEqualTo("bo.bsky.social");
    assertThat(bo.path("accounts").get(0).path("addedByHand").asBoolean()).isTrue();
    assertThat(bo.path("accounts").get(0).path("profileUrl").asString()).isEqualTo("https://bsky.app/profile/bo.bsky.social");
    assertThat(bo.path("accounts").get(1).path("handle").asString()).isEqualTo("@bo@organ.example");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aVcardExportImportsAgainIntoTheSamePeopleAndKnownPeopleAreNotDuplicated(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    fill(app, team);
    String vcf = export(team, "vcard", true);
    assertThat(vcf).startsWith("BEGIN:VCARD").contains("VERSION:4.0").contains("X-SOCIALPROFILE").contains("CATEGORIES:bells,choir folk");

    var fresh = Teams.create(app);
    JsonNode report = importFile(fresh, "text/vcard", vcf);
    assertThat(report.path("created").asInt()).as(report.toString()).isEqualTo(2);
    assertThat(portable(fresh)).isEqualTo(portable(team));
    assertThat(export(fresh, "vcard", true)).isEqualTo(vcf); // people in the order they were added: the same cards

    // importing it again (here, and where it came from) updates the same people and adds nothing
    for (var t : List.of(fresh, team)) {
      Map<String, String> before = portable(t);
      JsonNode again = importFile(t, "text/vcard", vcf);
      assertThat(again.path("updated").asInt()).as(again.toString()).isEqualTo(2);
      assertThat(again.path("created").asInt()).isZero();
      assertThat(count(app, PEOPLE_COUNT, t.workspaceId())).isEqualTo(2);
      assertThat(portable(t)).isEqualTo(before);
    }
    // without notes, no notes
    assertThat(export(team, "vcard", false)).doesNotContain("NOTE");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aCsvExportRoundTripsAndBadRowsAreRefusedOneByOne(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    fill(app, team);
    String csv = export(team, "csv", true);
    assertThat(csv).startsWith("name,accounts,website,tags,how_we_met,time_zone,cadence_days,notes");
    var fresh = Teams.create(app);
    assertThat(importFile(fresh, "text/csv", csv).path("created").asInt()).isEqualTo(2);
    assertThat(portable(fresh)).isEqualTo(portable(team));

    String mixed = """
        Name,Website,Accounts,Tags
        Cy Haas,https://cy.example,,choir
        Bad Site,ftp://nope,,
        Bad Handle,,mastodon:ann,
        Other Network,,myspace:@tom,
        ,,,
        Too,many,values,here,!
        Ann Bell Again,,mastodon:@ANN@example.social,newtag
        Cy Haas,https://cy.example,bluesky:cy.example,tenor
        """;
    JsonNode report = importFile(fresh, "text/csv", mixed);
    assertThat(report.path("created").asInt()).as(report.toString()).isEqualTo(1);
    assertThat(report.path("updated").asInt()).isEqualTo(2);
    assertThat(report.path("refused").asInt()).isEqualTo(5);
    JsonNode entries = report.path("entries");
    assertThat(entries.get(1).path("line").asInt()).isEqualTo(3);
    assertThat(entries.get(1).path("reason").asString()).contains("http://");
    assertThat(entries.get(2).path("reason").asString()).contains("@name@server.example");
    assertThat(entries.get(3).path("reason").asString()).contains("myspace");
    assertThat(entries.get(4).path("reason").asString()).contains("Give a name");
    assertThat(entries.get(5).path("reason").asString()).contains("5 values");
    assertThat(entries.get(6).path("outcome").asString()).isEqualTo("UPDATED");
    assertThat(entries.get(7).path("outcome").asString()).isEqualTo("UPDATED");
    assertThat(count(app, PEOPLE_COUNT, fresh.workspaceId())).isEqualTo(3);
    Map<String, String> now = portable(fresh);
    assertThat(now.get("Ann Bell Again")).contains("newtag").contains("bells").contains("Europe/Berlin"); // renamed, kept the rest
    assertThat(now.get("Cy Haas")).contains("choir").contains("tenor").contains("bluesky cy.example");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aWrongFileIsRefusedWholeAndChangesNothing(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    fill(app, team);
    Map<String, String> before = portable(team);
    List<Object[]> wrong = List.of(
        new Object[] {"text/vcard", "name,accounts\nAnn,\n".getBytes(StandardCharsets.UTF_8)},
        new Object[] {"text/vcard", "BEGIN:VCARDS\r\n".getBytes(StandardCharsets.UTF_8)},
        new Object[] {"text/csv", "BEGIN:VCARD\r\nFN:Zed\r\nEND:VCARD\r\n".getBytes(StandardCharsets.UTF_8)},
        new Object[] {"text/csv", "nom,comptes\nZed,\n".getBytes(StandardCharsets.UTF_8)},
        new Object[] {"text/csv", "".getBytes(StandardCharsets.UTF_8)},
        new Object[] {"text/csv", "name,tags\nZed,\"open\nAnn,x\n".getBytes(StandardCharsets.UTF_8)},
        new Object[] {"text/csv", new byte[] {'n', 'a', 'm', 'e', '\n', (byte) 0xff, (byte) 0xfe, '\n'}});
    for (Object[] w : wrong) {
      var r = upload(team, (String) w[0], (byte[]) w[1]);
      assertThat(r.status()).as(new String((byte[]) w[1], StandardCharsets.UTF_8)).isEqualTo(400);
      assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    }
    assertThat(upload(team, "application/json", "{}".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(415);
    assertThat(portable(team)).isEqualTo(before);
    // a viewer reads and exports but does not import
    var viewer = team.join("viewer");
    String token = team.token(viewer, "viewer");
    var r = viewer.web().send(HttpRequest.newBuilder(URI.create(viewer.web().baseUrl() + "/api/v1/workspaces/" + team.workspaceId()
        + "/people/import")).header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofString("name\nZed\n")));
    assertThat(r.status()).isEqualTo(403);
    assertThat(count(app, PEOPLE_COUNT, team.workspaceId())).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void anAccountAddedByHandIsClaimedByItsFirstEvent(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    JsonNode zed = api(team, "POST", "/people", "{\"displayName\":\"Zed\",\"website\":\"https://zed.example\"}", 201);
    String id = zed.path("id").asString();
    api(team, "POST", "/people/" + id + "/accounts", "{\"network\":\"mastodon\",\"handle\":\"zed\"}", 400);
    api(team, "POST", "/people/" + id + "/accounts", "{\"network\":\"friendster\",\"handle\":\"@zed@example.social\"}", 400);
    api(team, "POST", "/people", "{\"displayName\":\"  \"}", 400);
    JsonNode withAccount = api(team, "POST", "/people/" + id + "/accounts", "{\"network\":\"mastodon\",\"handle\":\"@Zed@Example.Social\"}",
        200);
    JsonNode account = withAccount.path("accounts").get(0);
    assertThat(account.path("addedByHand").asBoolean()).isTrue();
    assertThat(account.path("remoteId").isNull()).isTrue();
    assertThat(account.path("profileUrl").asString()).isEqualTo("https://example.social/@Zed");
    // the same account for someone else is refused: it is Zed's
    String other = api(team, "POST", "/people", "{\"displayName\":\"Not Zed\"}", 201).path("id").asString();
    api(team, "POST", "/people/" + other + "/accounts", "{\"network\":\"mastodon\",\"handle\":\"zed@example.social\"}", 409);
    api(team, "POST", "/people", "{\"accounts\":[{\"network\":\"mastodon\",\"handle\":\"@zed@example.social\"}]}", 409);

    publish(app, event(team, EventType.MENTIONED, actor("9001", "@zed@example.social", "Zed Z.", "Sculptor"), null, false, Instant.now()));
    assertThat(count(app, PEOPLE_COUNT, team.workspaceId())).isEqualTo(2);
    JsonNode claimed = api(team, "GET", "/people/" + id, null, 200).path("accounts").get(0);
    assertThat(claimed.path("remoteId").asString()).isEqualTo("9001");
    assertThat(claimed.path("addedByHand").asBoolean()).isFalse();
    assertThat(claimed.path("bioText").asString()).isEqualTo("Sculptor");
    assertThat(api(team, "GET", "/people/" + id + "/interactions", null, 200)).hasSize(1);
    assertThat(PeopleSearchTestAccess.find(team, "sculptor")).containsExactly(id);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void thePagesAddImportAndExport(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    var web = team.owner().web();
    String page = "/w/" + team.slug() + "/people/import";
    assertThat(web.get("/w/" + team.slug() + "/people").body()).contains(page);
    var added = web.post(page, "/w/" + team.slug() + "/people/add", Map.of("displayName", "Dee <b>", "network", "bluesky",
        "handle", "dee.bsky.social"));
    assertThat(added.status()).isEqualTo(302);
    assertThat(web.get(added.location()).body()).contains("Dee &lt;b&gt;").contains("added by hand");
    var refused = web.post(page, "/w/" + team.slug() + "/people/add", Map.of("displayName", "", "network", "mastodon", "handle", "x"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("@name@server.example");

    byte[] vcf = ("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Eve <i>\r\nURL:https://eve.example\r\nEND:VCARD\r\n"
        + "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Bad Zone\r\nTZ:Mars/Olympus\r\nEND:VCARD\r\n").getBytes(StandardCharsets.UTF_8);
    var report = multipart(web, page, vcf);
    assertThat(report.status()).isEqualTo(200);
    assertThat(report.body()).contains("1 person added").contains("1 entry refused").contains("Eve &lt;i&gt;")
        .contains("Unknown time zone");
    var wrong = multipart(web, page, "just text".getBytes(StandardCharsets.UTF_8));
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.body()).contains("The first row must name the columns");
    var csv = web.get("/w/" + team.slug() + "/people/export?format=csv");
    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    assertThat(csv.body()).contains("Eve <i>").contains("bluesky:dee.bsky.social");
    assertThat(web.get("/w/" + team.slug() + "/people/export").body()).contains("FN:Eve <i>");
  }

  static WebSession.Response multipart(WebSession web, String page, byte[] file) {
    String boundary = "----socius" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + web.csrf(page) + "\r\n")
        .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"people\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return web.send(HttpRequest.newBuilder(URI.create(web.baseUrl() + page))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /** The search of {@link PeopleSearchTest}, for a check here. */
  static final class PeopleSearchTestAccess {
    static List<String> find(Teams.Team team, String q) {
      return PeopleTest.ids(api(team, "GET", "/people?q=" + q, null, 200).path("items"));
    }
  }
}
