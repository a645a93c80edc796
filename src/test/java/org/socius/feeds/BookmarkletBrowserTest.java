package org.socius.feeds;

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
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socius.testing.Prerequisites;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.socius.testing.Teams;
import tools.jackson.databind.JsonNode;

/**
 * The bookmarklet in Chromium: on a page of another site (a local server) with OpenGraph tags,
 * the member selects a passage and runs the bookmarklet taken from Socius's share page; Socius
 * opens with the page's address, title and the selection; Make a draft opens the composer with
 * the title, the quote, the link and the credit; the member edits and saves the draft, and the
 * API has it.
 */
class BookmarkletBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static Playwright playwright;
  private static Browser browser;

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
  void aSelectionOnAnotherSiteBecomesACreditedDraftThroughTheBookmarklet() {
    Prerequisites.require(browser != null, "Chromium at " + CHROMIUM + " (Debian's chromium package)");
    SociusApp app = SociusApp.shared(Store.SQLITE);
    var team = Teams.create(app);
    String path = "/" + Teams.unique("bookmarklet") + "/essay";
    FeedsTest.SERVER.put(path, "text/html; charset=utf-8", """
        <!doctype html><html><head><title>Essay · Ann's notes</title>
        <meta property="og:title" content="Cities are gardens">
        <meta property="og:site_name" content="Ann's notes">
        <meta name="fediverse:creator" content="@ann@social.example">
        </head><body><h1>Cities are gardens</h1>
        <p id="one">Streets want trees as much as people want shade.</p><p>Another paragraph.</p></body></html>""");
    String pageUrl = FeedsTest.SERVER.url(path) + "?utm_source=newsletter";

    BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL(app.baseUrl()));
    Page socius = context.newPage();
    socius.navigate("/signin");
    socius.getByLabel("E-mail address").fill(team.owner().email());
    socius.getByLabel("Password").fill(Teams.PASSWORD);
    socius.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    socius.waitForURL(Pattern.compile(".*/w/.*"));
    socius.navigate("/w/" + team.slug() + "/share");
    String bookmarklet = socius.locator("#bookmarklet").getAttribute("href");
    assertThat(bookmarklet).startsWith("javascript:");

    Page site = context.newPage();
    site.navigate(pageUrl);
    site.locator("#one").selectText();
    // what a browser does with a bookmark's javascript: address: decode it and run it in the page
    Page shared = context.waitForPage(() -> site.evaluate("href => (0, eval)(decodeURIComponent(href.slice('javascript:'.length)))",
        bookmarklet));
    shared.waitForLoadState();
    assertThat(shared.url()).startsWith(app.baseUrl() + "/w/" + team.slug() + "/share?url=");
    assertThat(shared.locator(".share-url")).hasText(pageUrl);
    assertThat(shared.locator(".share-preview strong")).hasText("Essay · Ann's notes");
    assertThat(shared.locator(".share-preview blockquote")).hasText("Streets want trees as much as people want shade.");

    shared.locator("#make-share-draft").click();
    shared.waitForURL(Pattern.compile(".*/publish/posts/[^/]+/edit"));
    String draftId = shared.url().replaceAll(".*/publish/posts/([^/]+)/edit.*", "$1");
    String clean = FeedsTest.SERVER.url(path);
    assertThat(shared.locator("#f-text")).hasValue("Cities are gardens\n\n“Streets want trees as much as people want shade.”\n\n"
        + clean + "\n\nvia @ann@social.example");

    shared.locator("#f-text").press("Control+Home");
    shared.locator("#f-text").pressSequentially("So true. ");
    shared.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save draft")).click();
    shared.waitForLoadState();

    JsonNode post = FeedsTest.api(team, "GET", "/posts/" + draftId, null, 200);
    assertThat(post.path("stage").asString()).isEqualTo("draft");
    assertThat(post.path("kind").asString()).isEqualTo("share");
    assertThat(post.path("sourceUrl").asString()).isEqualTo(clean);
    // a form sends a textarea's line ends as CR LF
    assertThat(post.path("text").asString().replace("\r\n", "\n")).startsWith("So true. Cities are gardens\n\n“Streets want trees")
        .endsWith(clean + "\n\nvia @ann@social.example");
    context.close();
  }
}
