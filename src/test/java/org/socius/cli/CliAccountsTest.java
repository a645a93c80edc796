package org.socius.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.socius.testing.SociusApp;
import org.socius.testing.WebSession;

/** user create, workspace list and token create on a data directory, alone and beside a running server. */
@Isolated
class CliAccountsTest {

  private static final String PASSWORD = "a-good-long-password";
  private static final Pattern TOKEN = Pattern.compile("^(soc_[A-Za-z0-9_-]{43})$", Pattern.MULTILINE);

  @TempDir
  Path dataDir;

  @Test
  void userCreateReadsThePasswordFromStdinAndRefusesTheSameEmailTwice() throws SQLException {
    var created = Cli.onWithInput(dataDir, PASSWORD + "\n", "user", "create", "--email", "Ann@Socius.test", "--name", "Ann",
        "--password-stdin");
    assertThat(created.code()).as(created.err()).isZero();
    assertThat(created.out()).contains("Created user ann@socius.test (");
    assertThat(users()).isEqualTo(1);

    var again = Cli.onWithInput(dataDir, "another-long-password\n", "user", "create", "--email", " ann@socius.TEST ", "--name",
        "Ann Again", "--password-stdin");
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err()).contains("socius: An account with this e-mail address exists already");
    assertThat(users()).isEqualTo(1);
  }

  @Test
  void aTooShortPasswordExitsOneWithTheReasonAndCreatesNobody() throws SQLException {
    var run = Cli.onWithInput(dataDir, "short\n", "user", "create", "--email", "bob@socius.test", "--name", "Bob", "--password-stdin");
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("socius: The password needs at least 10 characters");
    assertThat(run.out()).isEmpty();
    assertThat(users()).isZero();
  }

  @Test
  void anEmptyStandardInputExitsOne() {
    var run = Cli.onWithInput(dataDir, "", "user", "create", "--email", "bob@socius.test", "--name", "Bob", "--password-stdin");
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("socius: No password on standard input");
  }

  @Test
  void workspaceListOnAFreshDataDirectorySaysThereAreNone() {
    var run = Cli.on(dataDir, "workspace", "list");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("No workspaces yet");
  }

  @Test
  void aBadSecretKeySettingExitsOneSayingWhatIsWrong() {
    var settings = new java.util.HashMap<>(Cli.sqlite(dataDir));
    settings.put("socius.secret-key", "not base64!");
    var run = Cli.with(settings, null, "workspace", "list");
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("socius: SOCIUS_SECRET_KEY is not valid base64");
    assertThat(run.out()).isEmpty();
  }

  /**
   * The whole operator path: a user made on the command line signs in to a server on the same
   * data directory and makes a workspace; the command line lists it and issues a token that the
   * server's API accepts.
   */
  @Test
  void aTokenFromTheCommandLineWorksAgainstTheServersApi() {
    var created = Cli.onWithInput(dataDir, PASSWORD + "\n", "user", "create", "--email", "ann@socius.test", "--name", "Ann",
        "--password-stdin");
    assertThat(created.code()).as(created.err()).isZero();

    try (SociusApp app = SociusApp.startOnDataDir(dataDir, Map.of())) {
      WebSession web = app.session();
      assertThat(web.signIn("ann@socius.test", PASSWORD).location()).as("signed in with the CLI's password").isEqualTo("/");
      var workspace = web.post("/workspaces/new", "/workspaces/new",
          Map.of("name", "Parish Cafe", "kind", "brand", "timeZone", "Europe/Berlin", "locale", "en"));
      assertThat(workspace.status()).isEqualTo(302);
      String slug = workspace.location().replaceAll("^/w/([^/]+)/.*$", "$1");
      assertThat(slug).isEqualTo("parish-cafe");

      var list = Cli.on(dataDir, "workspace", "list");
      assertThat(list.code()).as(list.err()).isZero();
      assertThat(list.out()).doesNotContain("No workspaces yet");
      assertThat(list.out().lines()).anySatisfy(line -> assertThat(line).startsWith("parish-cafe ").contains("brand", "Europe/Berlin",
          "Parish Cafe"));

      var token = Cli.on(dataDir, "token", "create", "--email", "ann@socius.test", "--workspace", slug, "--role", "editor");
      assertThat(token.code()).as(token.err()).isZero();
      var m = TOKEN.matcher(token.out());
      assertThat(m.find()).as("a token alone on a line of standard output: " + token.out()).isTrue();
      assertThat(token.err()).contains("(editor)").contains("shown only now");

      var unauthenticated = web.api("GET", "/api/v1/workspaces", null, null);
      assertThat(unauthenticated.status()).isEqualTo(401);
      var api = app.session().api("GET", "/api/v1/workspaces", m.group(1), null);
      assertThat(api.status()).as(api.body()).isEqualTo(200);
      assertThat(api.body()).contains("\"slug\":\"parish-cafe\"");

      var stranger = Cli.on(dataDir, "token", "create", "--email", "ann@socius.test", "--workspace", "elsewhere");
      assertThat(stranger.code()).isEqualTo(1);
      assertThat(stranger.err()).contains("socius: ann@socius.test is not a member of a workspace with the address name elsewhere");
      assertThat(stranger.out()).isEmpty();
    }
  }

  private int users() throws SQLException {
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("socius.db"));
        var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM users")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
