package org.socius.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socius.team.Accounts;

/**
 * Makes teams in a running app through its real paths: an owner (created like the CLI does,
 * signed in with the form) with a new workspace, and members who join by invitation link.
 */
public final class Teams {

  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final Pattern LINK = Pattern.compile("value=\"(http[^\"]*/invite/[^\"]+)\"");
  private static final Pattern TOKEN = Pattern.compile("(soc_[A-Za-z0-9_-]{43})");
  public static final String PASSWORD = "a-good-long-password";

  private Teams() {}

  /** A signed-in person and their workspace. */
  public record Person(String email, WebSession web, String slug) {}

  public record Team(SociusApp app, Person owner, String slug, String workspaceId, String ownerToken) {

    /** A new person who joins this team by invitation with the given role, signed in. */
    public Person join(String role) {
      String page = "/w/" + slug + "/settings/members";
      var created = owner.web().post(page, "/w/" + slug + "/settings/invitations", Map.of("role", role, "note", "test"));
      Matcher m = LINK.matcher(created.body());
      assertThat(m.find()).as("invitation link on the page").isTrue();
      String path = m.group(1).replaceFirst("^https?://[^/]+", "");
      WebSession web = app.session();
      String email = unique("member") + "@socius.test";
      var joined = web.post(path, path + "/register", Map.of("name", "Member " + role, "email", email, "password", PASSWORD));
      assertThat(joined.status()).as("joining answer").isEqualTo(302);
      return new Person(email, web, slug);
    }

    /** A personal API token of this person with the given role. */
    public String token(Person person, String role) {
      String page = "/w/" + slug + "/settings/tokens";
      var r = person.web().post(page, page, Map.of("name", "test", "role", role));
      Matcher m = TOKEN.matcher(r.body());
      assertThat(m.find()).as("token on the page: " + r.status()).isTrue();
      return m.group(1);
    }
  }

  public static String unique(String prefix) {
    return prefix + "-" + ProcessHandle.current().pid() + "-" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
  }

  /** A new owner with a new workspace, signed in, and an owner token for the API. */
  public static Team create(SociusApp app) {
    String email = unique("owner") + "@socius.test";
    app.bean(Accounts.class).createUser("Owner Person", email, PASSWORD);
    WebSession web = app.session();
    assertThat(web.signIn(email, PASSWORD).location()).isEqualTo("/");
    String name = unique("Workspace");
    var created = web.post("/workspaces/new", "/workspaces/new",
        Map.of("name", name, "kind", "brand", "timeZone", "Europe/Berlin", "locale", "en"));
    assertThat(created.status()).isEqualTo(302);
    String slug = created.location().replaceAll("^/w/([^/]+)/.*$", "$1");
    Person owner = new Person(email, web, slug);
    Team partial = new Team(app, owner, slug, null, null);
    String token = partial.token(owner, "owner");
    var ws = web.api("GET", "/api/v1/workspaces", token, null);
    String id = ws.body().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
    return new Team(app, owner, slug, id, token);
  }
}
