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
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socius.testing.Prerequisites;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.socius.testing.Teams;

/**
 * What a new reader does first, in Chromium: imports an OPML file of two feeds, reads what they
 * brought, searches it, opens an item and shares it — and the composer holds a draft with the
 * title, the link and the credit to the author's social account.
 */
class FeedsJourneyBrowserTest {

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
  void importReadSearchAndShareWithCredit() throws Exception {
    Prerequisites.require(browser != null, "Chromium at " + CHROMIUM + " (Debian's chromium package)");
    SociusApp app = SociusApp.shared(Store.SQLITE);
    var team = Teams.create(app);
    String name = Teams.unique("journey");
    FeedsTest.SERVER.put("/" + name + "/garden.xml", "application/atom+xml", """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Ann's garden</title><id>urn:garden</id>
          <link rel="alternate" href="https://garden.example/"/><updated>2026-11-20T10:00:00Z</updated>
          <author><name>Ann</name><uri>https://social.example/@ann</uri></author>
          <entry><id>urn:garden:1</id><title>Winter compost</title><link href="https://garden.example/compost"/>
            <updated>2026-11-20T10:00:00Z</updated><content type="html">&lt;p&gt;Leaves, coffee grounds and patience.&lt;/p&gt;</content></entry>
          <entry><id>urn:garden:2</id><title>Seed swap</title><link href="https://garden.example/seeds"/>
            <updated>2026-11-19T10:00:00Z</updated><content type="html">&lt;p&gt;Bring beans.&lt;/p&gt;</content></entry>
        </feed>""");
    FeedsTest.SERVER.put("/" + name + "/city.xml", "application/rss+xml", FeedServer.rss("City notes",
        "c1|Tram lines|https://city.example/tram|<p>The new tram runs through the compost district.</p>",
        "c2|Bridges|https://city.example/bridges|<p>Three bridges reopen.</p>"));
    Path opml = Files.createTempFile("journey", ".opml");
    Files.writeString(opml, """
        <?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>
          <outline text="Garden" type="rss" xmlUrl="%s"/>
          <outline text="Town"><outline text="City" type="rss" xmlUrl="%s"/></outline>
        </body></opml>""".formatted(FeedsTest.SERVER.url("/" + name + "/garden.xml"), FeedsTest.SERVER.url("/" + name + "/city.xml")));

    Page page = browser.newContext(new Browser.NewContextOptions().setBaseURL(app.baseUrl())).newPage();
    page.navigate("/signin");
    page.getByLabel("E-mail address").fill(team.owner().email());
    page.getByLabel("Password").fill(Teams.PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    page.waitForURL(Pattern.compile(".*/w/.*"));

    // import
    page.navigate("/w/" + team.slug() + "/feeds/manage");
    page.getByLabel("OPML file").setInputFiles(opml);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import").setExact(true)).click();
    assertThat(page.getByText("Imported: 2 new, 0 already here, 0 refused.")).isVisible();

    // read: the feeds are fetched in the background; the list fills as they arrive
    for (int i = 0; i < 60 && page.locator(".items .item").count() < 4; i++) {
      page.navigate("/w/" + team.slug() + "/feeds?show=all");
      if (page.locator(".items .item").count() < 4) {
        page.waitForTimeout(500);
      }
    }
    assertThat(page.locator(".items .item")).hasCount(4);

    // search: both items that speak of compost, and nothing else
    page.getByRole(AriaRole.SEARCHBOX).fill("compost");
    page.getByRole(AriaRole.SEARCHBOX).press("Enter");
    page.waitForURL(Pattern.compile(".*q=compost.*"));
    assertThat(page.locator(".items .item .item-title")).hasText(new String[] {"Winter compost", "Tram lines"});

    // open and share
    page.locator(".item-title", new Page.LocatorOptions().setHasText("Winter compost")).click();
    assertThat(page.locator(".article-body")).containsText("Leaves, coffee grounds and patience.");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Share")).click();
    page.waitForURL(Pattern.compile(".*/publish/posts/.*/edit"));
    String text = page.locator("#f-text").inputValue();
    assertThat(text).startsWith("Winter compost").contains("https://garden.example/compost").endsWith("via @ann@social.example");
    String draft = page.url().replaceAll(".*/publish/posts/([^/]+)/edit.*", "$1");
    assertThat(ShareFromAnywhereTest.post(app, draft)).containsExactly("share", "https://garden.example/compost", "draft");
    page.context().close();
  }
}
