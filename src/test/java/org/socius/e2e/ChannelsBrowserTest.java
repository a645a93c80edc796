package org.socius.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.socius.networks.BlueskyChannelTest;
import org.socius.testing.BlueskyNetwork;
import org.socius.testing.Prerequisites;
import org.socius.testing.Store;
import org.socius.testing.Teams;

/** Settings → Channels in a real browser: connect a Bluesky account of the local network, see followers arrive, disconnect. */
class ChannelsBrowserTest {

  private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

  @Test
  void connectSeeFollowersArriveAndDisconnect() throws Exception {
    Prerequisites.require(Files.isExecutable(CHROMIUM), "Chromium at " + CHROMIUM + " (Debian's chromium package)");
    BlueskyNetwork net = BlueskyNetwork.get();
    var app = BlueskyChannelTest.app(Store.SQLITE);
    var team = Teams.create(app);
    var account = net.createAccount("shop");
    net.setProfile(account, "The Corner Shop", "Bread and books.");
    for (int i = 0; i < 2; i++) {
      net.follow(net.createAccount("reg" + i), account.did());
    }
    Thread.sleep(1500); // let the AppView index the follows
    List<String> console = new ArrayList<>();
    try (Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
      Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
          .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
              "--disable-component-update", "--disable-sync", "--no-first-run")));
      var context = browser.newContext(new Browser.NewContextOptions().setBaseURL(app.baseUrl()).setViewportSize(390, 844));
      context.onConsoleMessage(m -> console.add(m.text()));
      Page page = context.newPage();
      page.navigate("/signin");
      page.getByLabel("E-mail address").fill(team.owner().email());
      page.getByLabel("Password").fill(Teams.PASSWORD);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
      page.navigate("/w/" + team.slug() + "/settings");
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Channels")).click();
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Channels").setLevel(1))).isVisible();

      page.getByLabel("Handle or DID").fill(account.handle());
      page.getByLabel("App password").fill(net.appPassword(account));
      page.locator("form").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("App password"))
          .getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Connect")).click();
      assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("The account is connected");
      assertThat(page.locator(".channel")).containsText("The Corner Shop");
      assertThat(page.locator(".channel")).containsText(account.handle());

      // the followers arrive (the page refreshes itself while importing; reload to be sure)
      for (int i = 0; i < 30 && !page.locator(".channel").innerText().contains("2 followers"); i++) {
        Thread.sleep(500);
        page.reload();
      }
      assertThat(page.locator(".channel")).containsText("2 followers");
      assertThat(page.locator(".channel")).containsText("Connected");

      // someone new follows; "Sync now" brings them in
      net.follow(net.createAccount("newfan"), account.did());
      Thread.sleep(1500);
      for (int i = 0; i < 20 && !page.locator(".channel").innerText().contains("3 followers"); i++) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sync now")).click();
        Thread.sleep(500);
        page.reload();
      }
      assertThat(page.locator(".channel")).containsText("3 followers");
      Files.createDirectories(Paths.get("target", "screenshots"));
      page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "channels-390.png")).setFullPage(true));
      org.assertj.core.api.Assertions.assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);

      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Disconnect")).click();
      assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("disconnected and its credentials erased");
      assertThat(page.locator(".channel")).containsText("Disconnected; the history is kept");
      assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sync now"))).hasCount(0);
      assertThat(page).hasURL(Pattern.compile("/settings/channels$"));
    }
    org.assertj.core.api.Assertions.assertThat(console).noneMatch(m -> m.contains("Content Security Policy"));
  }
}
