package org.socius.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.socius.inbox.internal.live.LiveKit;
import org.socius.networks.BlueskyChannelTest;
import org.socius.testing.BlueskyNetwork;
import org.socius.testing.Prerequisites;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.socius.testing.Teams;

/**
 * Live notifications in Chromium: with the inbox page open, a mention that arrives from the
 * network appears at the top of the list without a reload, the Inbox badge counts it, and the
 * browser shows a notification (the page is allowed to; the Notification API is observed).
 */
class LiveBrowserTest {

  private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

  /** Records what the page shows through the Notification API (run before the page's own scripts, outside its CSP). */
  private static final String OBSERVE_NOTIFICATIONS = """
      window.__shown = [];
      (function () {
        var Real = window.Notification;
        function Observed(title, options) { window.__shown.push({ title: title, body: (options || {}).body }); }
        Observed.prototype.addEventListener = function () {};
        Observed.prototype.close = function () {};
        Object.defineProperty(Observed, 'permission', { get: function () { return Real.permission; } });
        Observed.requestPermission = function (cb) { return Real.requestPermission(cb); };
        window.Notification = Observed;
      })();
      """;

  @Test
  void aMentionAppearsOnTheOpenInboxPageWithoutReload() throws Exception {
    Prerequisites.require(Files.isExecutable(CHROMIUM), "Chromium at " + CHROMIUM + " (Debian's chromium package)");
    SociusApp app = SociusApp.shared(Store.SQLITE);
    Teams.Team team = Teams.create(app);
    List<String> console = new ArrayList<>();
    try (Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
      Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
          .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
              "--disable-component-update", "--disable-sync", "--no-first-run")));
      BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL(app.baseUrl()).setViewportSize(390, 844));
      context.grantPermissions(List.of("notifications"), new BrowserContext.GrantPermissionsOptions().setOrigin(app.baseUrl()));
      context.addInitScript(OBSERVE_NOTIFICATIONS);
      context.onConsoleMessage(m -> console.add(m.text()));
      Page page = context.newPage();
      page.onPageError(e -> console.add("page error: " + e));
      page.navigate("/signin");
      page.getByLabel("E-mail address").fill(team.owner().email());
      page.getByLabel("Password").fill(Teams.PASSWORD);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

      // the settings page tells that this browser shows notifications
      page.navigate("/w/" + team.slug() + "/notifications");
      assertThat(page.locator("#notification-permission")).hasText("This browser shows Socius notifications.");
      assertThat(page.locator("#allow-notifications")).isHidden();

      // the inbox page, with its live stream open
      page.waitForResponse(r -> r.url().endsWith("/w/" + team.slug() + "/live"), () -> page.navigate("/w/" + team.slug() + "/inbox"));
      assertThat(page.locator("#inbox-empty")).isVisible();
      assertThat(page.locator("#inbox-badge")).isHidden();

      LiveKit.mention(app, team.workspaceId(), "Browser <img src=x> Friend", "Hello from the network <b>!</b>");

      var first = page.locator("#inbox-items > li").first();
      var slow = new LocatorAssertions.ContainsTextOptions().setTimeout(20_000);
      assertThat(first).containsText("Browser <img src=x> Friend", slow);
      assertThat(first).containsText("Hello from the network <b>!</b>");
      assertThat(first).containsText("Mention");
      assertThat(page.locator("#inbox-items img")).hasCount(0); // their words stay text
      assertThat(page.locator("#inbox-empty")).isHidden();
      assertThat(page.locator("#inbox-badge")).isVisible();
      assertThat(page.locator("#inbox-badge .count")).hasText("1");
      String href = first.getByRole(AriaRole.LINK).first().getAttribute("href");
      org.assertj.core.api.Assertions.assertThat(href).startsWith("/w/" + team.slug() + "/inbox/");

      @SuppressWarnings("unchecked")
      List<Map<String, Object>> shown = (List<Map<String, Object>>) page.evaluate("window.__shown");
      org.assertj.core.api.Assertions.assertThat(shown).hasSize(1);
      org.assertj.core.api.Assertions.assertThat(shown.get(0)).containsEntry("title", "Mention from Browser <img src=x> Friend");

      Files.createDirectories(Paths.get("target", "screenshots"));
      page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "live-inbox-390.png")));
      // the row leads to the conversation, which the server has indeed stored
      first.getByRole(AriaRole.LINK).first().click();
      assertThat(page.locator("main")).containsText("Hello from the network <b>!</b>");
      page.navigate("/w/" + team.slug() + "/notifications");
      page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "live-settings-390.png")).setFullPage(true));
    }
    org.assertj.core.api.Assertions.assertThat(console).noneMatch(m -> m.contains("Content Security Policy") || m.startsWith("page error"));
  }

  /** The same, with the mention written on the local Bluesky network and read by a sync of the channel. */
  @Test
  void aMentionOnBlueskyAppearsOnTheOpenInboxPageWithoutReload() throws Exception {
    Prerequisites.require(Files.isExecutable(CHROMIUM), "Chromium at " + CHROMIUM + " (Debian's chromium package)");
    BlueskyNetwork net = BlueskyNetwork.get();
    var c = BlueskyChannelTest.connect(Store.SQLITE);
    c.sync(); // the first import, before the page opens
    try (Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
      Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
          .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run")));
      BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL(c.app().baseUrl()));
      Page page = context.newPage();
      page.navigate("/signin");
      page.getByLabel("E-mail address").fill(c.team().owner().email());
      page.getByLabel("Password").fill(Teams.PASSWORD);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
      String slug = c.team().slug();
      page.waitForResponse(r -> r.url().endsWith("/w/" + slug + "/live"), () -> page.navigate("/w/" + slug + "/inbox"));

      var friend = net.createAccount("livefriend");
      net.setProfile(friend, "Live Friend", "Reads everything.");
      String text = "Hello @" + c.me().handle() + " are you ringing on Sunday?";
      int start = text.indexOf('@');
      net.post(friend, text, Map.of("facets", List.of(Map.of(
          "index", Map.of("byteStart", start, "byteEnd", start + 1 + c.me().handle().length()),
          "features", List.of(Map.of("$type", "app.bsky.richtext.facet#mention", "did", c.me().did()))))));
      var first = page.locator("#inbox-items > li").first();
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (first.count() == 0 && System.nanoTime() < deadline) {
        c.sync(); // what the channel's scheduled sync does every few minutes
        page.waitForTimeout(500);
      }
      assertThat(first).containsText("Live Friend", new LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
      assertThat(first).containsText("are you ringing on Sunday?");
    }
  }
}
