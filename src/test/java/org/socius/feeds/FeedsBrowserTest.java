package org.socius.feeds;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socius.testing.Prerequisites;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.socius.testing.Teams;

/**
 * In Chromium: an item carrying script, event-handler, javascript: URL, SVG and CSS payloads is
 * opened from the reading list with the keyboard, and nothing of it runs; the shortcuts help opens
 * with "?"; no Content-Security-Policy violation is reported.
 */
class FeedsBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static Playwright playwright;
  private static Browser browser;

  static final String PAYLOADS = "<p>Read me</p><script>window.__pwned='script'</script>"
      + "<img src=\"https://img.invalid/x.png\" onerror=\"window.__pwned='onerror'\">"
      + "<a id=\"js\" href=\"javascript:window.__pwned='href'\">link</a>"
      + "<svg><script>window.__pwned='svg'</script><animate onbegin=\"window.__pwned='svg-animate'\"/></svg>"
      + "<div style=\"background:url(javascript:window.__pwned='css')\">styled</div>"
      + "<base href=\"javascript:window.__pwned='base'//\"><a id=\"rel\" href=\"relative\">relative</a>"
      + "<iframe srcdoc=\"<script>parent.__pwned='iframe'</script>\"></iframe>";

  @BeforeAll
  static void start() {
    if (!Files.isExecutable(CHROMIUM)) {
      return;
    }
    playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run")));
  }

  @AfterAll
  static void stop() {
    if (playwright != null) {
      playwright.close();
    }
  }

  @Test
  void anItemWithHostilePayloadsOpensAndNothingRuns() {
    Prerequisites.require(browser != null, "Chromium at " + CHROMIUM + " (Debian's chromium package)");
    SociusApp app = SociusApp.shared(Store.SQLITE);
    var team = Teams.create(app);
    String feedPath = "/" + Teams.unique("browser") + "/feed.xml";
    FeedsTest.SERVER.put(feedPath, "application/rss+xml", FeedServer.rss("Hostile blog", "h1|Hostile item|https://blog.example/h|"
        + PAYLOADS, "h2|Calm item|https://blog.example/c|<p>Calm</p>"));
    FeedsTest.api(team, "POST", "/feeds", "{\"url\":\"" + FeedsTest.SERVER.url(feedPath) + "\"}", 201);

    List<String> console = new CopyOnWriteArrayList<>();
    List<String> dialogs = new CopyOnWriteArrayList<>();
    Page page = browser.newContext(new Browser.NewContextOptions().setBaseURL(app.baseUrl())).newPage();
    page.onConsoleMessage(m -> console.add(m.text()));
    page.onPageError(e -> console.add(e));
    page.onDialog(d -> {
      dialogs.add(d.message());
      d.dismiss();
    });
    page.navigate("/signin");
    page.getByLabel("E-mail address").fill(team.owner().email());
    page.getByLabel("Password").fill(Teams.PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    page.waitForURL(Pattern.compile(".*/w/.*"));

    page.navigate("/w/" + team.slug() + "/feeds");
    assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Feeds").setExact(true)))
        .hasAttribute("aria-current", "page");
    page.keyboard().press("j");
    page.keyboard().press("j");
    assertThat(page.locator(".items .item.current .item-title")).hasText("Hostile item");
    page.keyboard().press("o");
    page.waitForURL(Pattern.compile(".*/feeds/items/.*"));
    assertThat(page.locator(".article-body")).containsText("Read me");

    // the sanitiser strips ids and the javascript: address; the link's text stays, and clicking it does nothing
    page.locator(".article-body a", new Page.LocatorOptions().setHasText("link")).first().click();
    page.waitForTimeout(300);
    assertThat(page.evaluate("() => window.__pwned === undefined")).as("nothing of the payloads ran").isEqualTo(true);
    assertThat(dialogs).isEmpty();
    assertThat(page.locator(".article-body script, .article-body svg, .article-body iframe, .article-body [onerror], base")).hasCount(0);

    page.keyboard().press("?");
    assertThat(page.locator("#feeds-keys")).isVisible();
    assertThat(console).as("console messages and page errors").noneMatch(m -> m.contains("Content Security Policy"));
    page.context().close();
  }
}
