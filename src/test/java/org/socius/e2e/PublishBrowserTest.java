package org.socius.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.socius.networks.BlueskyChannelTest;
import org.socius.testing.BlueskyNetwork;
import org.socius.testing.Prerequisites;
import org.socius.testing.Store;
import org.socius.testing.Teams;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A team schedules a week of posts to a Bluesky account on the local network from the browser:
 * an editor composes (the counter turns red past Bluesky's limit), adds to the queue, an owner
 * approves, the posts fill the week in the calendar, and a post shared now appears on the network.
 */
class PublishBrowserTest {

  private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void aTeamSchedulesAWeekOfPostsToBlueskyFromTheBrowser() {
    Prerequisites.require(Files.isExecutable(CHROMIUM), "Chromium at " + CHROMIUM + " (Debian's chromium package)");
    BlueskyNetwork net = BlueskyNetwork.get();
    var c = BlueskyChannelTest.connect(Store.SQLITE);
    String api = "/api/v1/workspaces/" + c.team().workspaceId();
    var web = c.team().owner().web();
    assertThat(web.api("PATCH", api + "/publishing-settings", c.team().ownerToken(), "{\"approvalRequired\": true}").status()).isEqualTo(200);
    Teams.Person editor = c.team().join("editor");
    List<String> console = new CopyOnWriteArrayList<>();
    try (Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
      Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
          .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run")));
      String slug = c.team().slug();

      // the owner sets posting slots: every day at 09:00 and 17:30
      Page owner = signIn(browser, c.app().baseUrl(), c.team().owner().email(), console);
      owner.navigate("/w/" + slug + "/publish");
      owner.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Posting slots")).first().click();
      for (String day : List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")) {
        owner.getByLabel(day, new Page.GetByLabelOptions().setExact(true)).fill("09:00, 17:30");
      }
      owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("Save"))).click();
      assertThat(owner.locator("body")).not().containsText("Give posting slots");

      // the editor composes: over 300 graphemes the Bluesky counter says so in red
      Page ed = signIn(browser, c.app().baseUrl(), editor.email(), console);
      for (int day = 1; day <= 7; day++) {
        ed.navigate("/w/" + slug + "/publish/compose");
        ed.locator("#ch-" + c.channelId()).check();
        var text = ed.getByLabel("Text", new Page.GetByLabelOptions().setExact(true));
        if (day == 1) {
          text.fill("x".repeat(301));
          assertThat(ed.locator("#count-" + c.channelId())).hasClass(Pattern.compile("\\bover\\b"));
        }
        text.fill("Day " + day + " of our week: thank you for reading along. " + c.channelId());
        assertThat(ed.locator("#count-" + c.channelId())).not().hasClass(Pattern.compile("\\bover\\b"));
        ed.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to queue")).click();
        ed.waitForURL(Pattern.compile(".*/publish.*"));
        assertThat(ed.locator("body")).not().containsText("problem");
      }

      // nothing unapproved is scheduled; the owner approves each waiting post
      owner.navigate("/w/" + slug + "/publish/approvals");
      for (int i = 0; i < 7; i++) {
        owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve")).first().click();
        owner.waitForLoadState();
      }
      assertThat(owner.locator("body")).containsText("Nothing waits for approval.");

      // the week's posts are in the calendar (month view holds the coming days)
      owner.navigate("/w/" + slug + "/publish/calendar?view=month");
      String month = owner.locator("main").innerText();
      owner.navigate("/w/" + slug + "/publish/calendar?view=week");
      String week = owner.locator("main").innerText();
      int seen = 0;
      for (int day = 1; day <= 7; day++) {
        if ((month + week).contains("Day " + day + " of our week")) {
          seen++;
        }
      }
      assertThat(seen).as("posts shown in the calendar").isGreaterThanOrEqualTo(4);
      var queued = JSON.readTree(web.api("GET", api + "/queue?channel=" + c.channelId(), c.team().ownerToken(), null).body());
      long scheduled = 0;
      for (JsonNode line : queued.path("channels").get(0).path("lines")) {
        if (line.path("delivery").path("state").asString("").equals("scheduled")) {
          scheduled++;
        }
      }
      assertThat(scheduled).as("a week of queued posts").isEqualTo(7);

      // and a post shared now goes out on the network once
      owner.navigate("/w/" + slug + "/publish/compose");
      owner.locator("#ch-" + c.channelId()).check();
      String now = "Right now from the browser " + c.channelId();
      owner.getByLabel("Text", new Page.GetByLabelOptions().setExact(true)).fill(now);
      owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Share now")).click();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      boolean published = false;
      while (!published && System.nanoTime() < deadline) {
        owner.navigate("/w/" + slug + "/publish/history");
        published = owner.locator("body").innerText().contains(now);
        if (!published) {
          owner.waitForTimeout(300);
        }
      }
      assertThat(published).as("the post is in the history").isTrue();
      assertThat(owner.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("View on the network")).first()).isVisible();
      JsonNode records = net.call("GET", "com.atproto.repo.listRecords?repo=" + c.me().did() + "&collection=app.bsky.feed.post&limit=100",
          null, null);
      long copies = 0;
      for (JsonNode r : records.path("records")) {
        copies += r.path("value").path("text").asString().equals(now) ? 1 : 0;
      }
      assertThat(copies).isEqualTo(1);
      browser.close();
    }
    assertThat(console).as("console messages and page errors").isEmpty();
  }

  private static Page signIn(Browser browser, String baseUrl, String email, List<String> console) {
    BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL(baseUrl));
    context.onConsoleMessage(m -> console.add(m.text()));
    context.onWebError(e -> console.add("pageerror: " + e.error()));
    Page page = context.newPage();
    page.navigate("/signin");
    page.getByLabel("E-mail address").fill(email);
    page.getByLabel("Password").fill(Teams.PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    page.waitForURL(Pattern.compile(".*/w/.*"));
    return page;
  }
}
