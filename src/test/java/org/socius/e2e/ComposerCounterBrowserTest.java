package org.socius.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.socius.platform.Ids;
import org.socius.testing.Prerequisites;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.socius.testing.Teams;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The composer's counters in Chromium count as the networks do: Bluesky graphemes, Mastodon with
 * a link as 23 characters and a remote mention without its domain; over the limit the counter
 * says so in words and turns red, and thread mode shows the parts instead.
 */
class ComposerCounterBrowserTest {

  private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
  private static final String FAMILY = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"; // one grapheme, eight chars

  @Test
  void countersFollowEachNetworksRules() {
    Prerequisites.require(Files.isExecutable(CHROMIUM), "Chromium at " + CHROMIUM + " (Debian's chromium package)");
    SociusApp app = SociusApp.shared(Store.SQLITE);
    var team = Teams.create(app);
    String bluesky = channel(app, team, "bluesky", "cafe.bsky.social", "https://pds.invalid");
    String mastodon = channel(app, team, "mastodon", "@cafe@social.invalid", "https://social.invalid");
    List<String> console = new CopyOnWriteArrayList<>();
    try (Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
      Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
          .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run")));
      var context = browser.newContext(new Browser.NewContextOptions().setBaseURL(app.baseUrl()).setViewportSize(390, 844));
      context.onConsoleMessage(m -> console.add(m.text()));
      context.onWebError(e -> console.add("pageerror: " + e.error()));
      Page page = context.newPage();
      page.navigate("/signin");
      page.getByLabel("E-mail address").fill(team.owner().email());
      page.getByLabel("Password").fill(Teams.PASSWORD);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
      page.navigate("/w/" + team.slug() + "/publish/compose");

      page.locator("#ch-" + bluesky).check();
      page.locator("#ch-" + mastodon).check();
      Locator sky = page.locator("#count-" + bluesky);
      Locator toot = page.locator("#count-" + mastodon);
      Locator text = page.getByLabel("Text", new Page.GetByLabelOptions().setExact(true));

      text.fill(FAMILY.repeat(301));
      assertThat(sky).hasText("301 / 300: 1 too many");
      assertThat(sky).hasClass(Pattern.compile("\\bover\\b"));
      assertThat(toot).hasText("301 / 500");
      assertThat(toot).not().hasClass(Pattern.compile("\\bover\\b"));
      String red = (String) sky.evaluate("e => getComputedStyle(e).color");
      String calm = (String) toot.evaluate("e => getComputedStyle(e).color");
      assertThat(red).isNotEqualTo(calm);

      page.getByLabel("Thread mode").check();
      assertThat(sky).hasText("301 / 300: a thread of 2 posts");
      assertThat(sky).not().hasClass(Pattern.compile("\\bover\\b"));
      assertThat(page.locator(".preview[data-channel=\"" + bluesky + "\"] li")).hasCount(2);
      assertThat(page.locator(".preview[data-channel=\"" + bluesky + "\"] li").first()).containsText(" 1/2");
      page.getByLabel("Thread mode").uncheck();

      text.fill("See https://example.org/" + "a".repeat(200) + " @ann@social.example\nbye");
      assertThat(toot).hasText("36 / 500");
      assertThat(sky).hasText("248 / 300");
      assertThat(page.locator(".preview[data-channel=\"" + mastodon + "\"] li")).hasText(Pattern.compile("@ann@social.example\\nbye"));

      page.locator("details.channel-text[data-channel=\"" + bluesky + "\"] summary").click();
      page.getByLabel("Text for cafe.bsky.social").fill("Short");
      assertThat(sky).hasText("5 / 300");
      assertThat(toot).hasText("36 / 500");

      page.locator("#ch-" + mastodon).uncheck();
      assertThat(toot).hasText("");
      assertThat(page.locator(".preview[data-channel=\"" + mastodon + "\"]")).isHidden();
      int width = (Integer) page.evaluate("document.documentElement.scrollWidth");
      assertThat(width).as("composer width at 390 px").isLessThanOrEqualTo(390);
      browser.close();
    }
    assertThat(console).as("console messages and page errors").isEmpty();
  }

  /** A channel row without working credentials: the composer needs only its network and rules. */
  private static String channel(SociusApp app, Teams.Team team, String network, String handle, String server) {
    String id = Ids.newId();
    app.bean(JdbcClient.class).sql("""
        INSERT INTO channels (id, workspace_id, network, remote_id, handle, service_url, credentials, created_at)
        VALUES (:id, :ws, :network, :remote, :handle, :server, '-', :now)""")
        .param("id", id).param("ws", team.workspaceId()).param("network", network).param("remote", "r-" + id)
        .param("handle", handle).param("server", server).param("now", System.currentTimeMillis()).update();
    return id;
  }
}
