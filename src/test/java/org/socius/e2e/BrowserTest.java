package org.socius.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.socius.testing.Prerequisites;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.socius.testing.Teams;

/**
 * Socius as a person sees it: Debian's Chromium, headless, against a fresh app on a random port.
 * The first test performs the first-run setup; every later test builds on that owner and
 * workspace only, and makes the members it needs itself.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest {

  private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
  private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
  private static final List<String> SECTIONS =
      List.of("Today", "Inbox", "People", "Publish", "Feeds", "Tribes", "Automation", "Insights", "Settings");
  private static final String OWNER_NAME = "Ann Owner";
  private static final String OWNER_EMAIL = "ann@socius.test";
  private static final String PASSWORD = Teams.PASSWORD;
  private static final String WORKSPACE = "Parish Café";

  private static SociusApp app;
  private static Playwright playwright;
  private static Browser browser;
  private static String slug;
  /** Console messages and page errors of every page, checked after each test. */
  private static final List<String> consoleLog = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    if (!Files.isExecutable(CHROMIUM)) {
      return; // each test reports the missing prerequisite (surefire hides a skip from here)
    }
    Files.createDirectories(SCREENSHOTS);
    app = SociusApp.start(Store.SQLITE, Map.of());
    playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run")));
  }

  @AfterAll
  static void stop() {
    if (playwright != null) {
      playwright.close(); // closes the browser and its contexts
    }
    if (app != null) {
      app.close();
    }
  }

  @BeforeEach
  void requireChromium() {
    Prerequisites.require(browser != null, "Chromium at " + CHROMIUM + " (Debian's chromium package)");
  }

  @AfterEach
  void noContentSecurityPolicyViolations() {
    List<String> seen = List.copyOf(consoleLog);
    consoleLog.clear();
    assertThat(seen).as("console messages and page errors").noneMatch(m -> m.contains("Content Security Policy"));
  }

  @Test
  @Order(1)
  void firstRunSetupCreatesTheOwnerAndWorkspace() {
    Page page = newPage(new Browser.NewContextOptions());
    var answer = page.navigate("/");
    assertThat(page).hasURL(app.baseUrl() + "/setup");
    assertThat(answer.headerValue("Content-Security-Policy")).contains("script-src 'self'").contains("style-src 'self'");
    assertThat(heading(page, "Welcome to Socius")).isVisible();

    page.getByLabel("Your name").fill(OWNER_NAME);
    page.getByLabel("E-mail address").fill(OWNER_EMAIL);
    page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
    page.getByLabel("Workspace name").fill(WORKSPACE);
    page.getByLabel("a person (you speak for yourself)").check();
    page.getByLabel("Time zone").fill("Europe/Berlin");
    page.getByLabel("Language and region").fill("en-GB");
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("setup.png")).setFullPage(true));
    button(page, "Create account and workspace").click();

    assertThat(page).hasURL(Pattern.compile("/w/[a-z0-9-]+/today$"));
    slug = page.url().replaceAll("^.*/w/([^/]+)/today$", "$1");
    assertShell(page);
    assertThat(page.locator("header")).containsText(WORKSPACE);
    page.context().close();
  }

  @Test
  @Order(2)
  void signOutThenAWrongPasswordIsRefusedAndTheRightOneSignsIn() {
    Page page = signedIn(new Browser.NewContextOptions(), OWNER_EMAIL, PASSWORD);
    page.locator("summary", new Page.LocatorOptions().setHasText(OWNER_NAME)).click();
    button(page, "Sign out").click();
    assertThat(page).hasURL(Pattern.compile("/signin\\?signedout$"));
    assertThat(page.getByRole(AriaRole.STATUS)).hasText("You have signed out.");

    signIn(page, OWNER_EMAIL, "not-the-password-at-all");
    assertThat(page).hasURL(Pattern.compile("/signin\\?error$"));
    assertThat(page.getByRole(AriaRole.ALERT)).hasText("The e-mail address or password is not right.");

    signIn(page, OWNER_EMAIL, PASSWORD);
    assertThat(page).hasURL(app.baseUrl() + "/w/" + slug + "/today");
    assertShell(page);
    page.context().close();
  }

  @Test
  @Order(3)
  void anInvitedEditorJoinsOnceByLink() {
    Page owner = signedIn(new Browser.NewContextOptions(), OWNER_EMAIL, PASSWORD);
    link(owner, "Settings").click();
    link(owner, "Members").click();
    assertThat(owner).hasURL(app.baseUrl() + "/w/" + slug + "/settings/members");
    String invitation = createInvitation(owner, "editor");

    String name = "Eddie Editor";
    Page editor = join(invitation, name);
    assertShell(editor);

    owner.reload();
    Locator row = owner.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(name));
    assertThat(row).hasCount(1);
    assertThat(row.getByRole(AriaRole.COMBOBOX)).hasValue("editor");

    Page third = newPage(new Browser.NewContextOptions());
    var again = third.navigate(invitation);
    assertThat(again.status()).isEqualTo(404);
    assertThat(heading(third, "Not found")).isVisible();
    assertThat(third.locator("main")).containsText("This invitation link has been used");
    closeAll(owner, editor, third);
  }

  @Test
  @Order(4)
  void aViewerCannotReachOwnerPages() {
    Page owner = signedIn(new Browser.NewContextOptions(), OWNER_EMAIL, PASSWORD);
    Page viewer = join(createInvitation(owner, "viewer"), "Vera Viewer");
    for (String ownerPage : List.of("settings/members", "settings/workspace")) {
      var answer = viewer.navigate("/w/" + slug + "/" + ownerPage);
      assertThat(answer.status()).as(ownerPage).isEqualTo(403);
      assertThat(heading(viewer, "Not allowed")).isVisible();
    }

    assertThat(viewer.navigate("/w/" + slug + "/today").status()).isEqualTo(200);
    assertShell(viewer);
    link(viewer, "Settings").click();
    assertThat(link(viewer, "Members")).hasCount(0);
    link(viewer, "Your profile here").click();
    assertThat(viewer.getByLabel("Name shown for this workspace")).hasValue("Vera Viewer");
    closeAll(owner, viewer);
  }

  @Test
  @Order(5)
  void thePublicPageShowsOnlyMembersWhoChoseIt() {
    Page owner = signedIn(new Browser.NewContextOptions(), OWNER_EMAIL, PASSWORD);
    Page editor = join(createInvitation(owner, "editor"), "Quiet Editor");
    String bio = "Runs the parish café on Saturdays.";

    owner.navigate("/w/" + slug + "/settings");
    link(owner, "Workspace").click();
    owner.getByLabel("Show a public page naming the people behind this workspace").check();
    button(owner, "Save").click();
    assertThat(owner.getByRole(AriaRole.STATUS)).hasText("Saved.");
    assertThat(owner.getByLabel("Show a public page naming the people behind this workspace")).isChecked();

    owner.navigate("/w/" + slug + "/settings/profile");
    owner.getByLabel("Short bio").fill(bio);
    owner.getByLabel("Show me on the workspace's public page").check();
    button(owner, "Save").click();
    assertThat(owner.getByRole(AriaRole.STATUS)).hasText("Saved.");

    editor.navigate("/w/" + slug + "/settings/profile");
    assertThat(editor.getByLabel("Show me on the workspace's public page")).not().isChecked();

    Page anonymous = newPage(new Browser.NewContextOptions());
    assertThat(anonymous.navigate("/p/" + slug).status()).isEqualTo(200);
    Locator main = anonymous.locator("main");
    assertThat(heading(anonymous, OWNER_NAME)).isVisible();
    assertThat(main).containsText(bio);
    assertThat(main).not().containsText("Quiet Editor");

    var json = anonymous.request().get("/p/" + slug + ".json");
    assertThat(json).isOK();
    assertThat(json.text()).contains("\"name\":\"" + OWNER_NAME + "\"").contains(bio).doesNotContain("Quiet Editor");
    closeAll(owner, editor, anonymous);
  }

  @Test
  @Order(6)
  void theShellFitsA390PixelScreen() {
    Page page = signedIn(new Browser.NewContextOptions().setViewportSize(390, 844), OWNER_EMAIL, PASSWORD);
    for (String path : List.of("today", "settings", "settings/members", "settings/profile")) {
      page.navigate("/w/" + slug + "/" + path);
      int width = (Integer) page.evaluate("document.documentElement.scrollWidth");
      assertThat(width).as("page width of " + path).isLessThanOrEqualTo(390);
    }
    page.navigate("/w/" + slug + "/today");
    Locator nav = sections(page);
    for (String section : SECTIONS) {
      Locator link = sectionLink(nav, section);
      link.scrollIntoViewIfNeeded();
      assertThat(link).isInViewport();
    }
    nav.evaluate("nav => nav.scrollLeft = 0");
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("shell-390.png")));
    page.context().close();
  }

  @Test
  @Order(7)
  void tabFirstFocusesTheSkipLinkVisibly() {
    Page page = signedIn(new Browser.NewContextOptions(), OWNER_EMAIL, PASSWORD);
    page.navigate("/w/" + slug + "/today");
    page.keyboard().press("Tab");
    Locator skip = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Skip to content"));
    assertThat(skip).isFocused();
    assertThat(skip).isInViewport();
    assertThat(skip).not().hasCSS("outline-style", "none");
    page.keyboard().press("Enter");
    assertThat(page.locator("main")).isFocused();
    page.context().close();
  }

  @Test
  @Order(8)
  void pagesCanBeReadWithoutJavaScript() {
    Page page = signedIn(new Browser.NewContextOptions().setJavaScriptEnabled(false), OWNER_EMAIL, PASSWORD);
    assertThat(page).hasURL(app.baseUrl() + "/w/" + slug + "/today");
    assertShell(page);
    assertThat(heading(page, "Today")).isVisible();
    link(page, "Settings").click();
    assertThat(heading(page, "Settings")).isVisible();
    link(page, "Your profile here").click();
    assertThat(page.getByLabel("Name shown for this workspace")).hasValue(OWNER_NAME);
    page.context().close();
  }

  // ---- helpers

  /** A page in a new context (a new person) whose console is watched. */
  private static Page newPage(Browser.NewContextOptions options) {
    BrowserContext context = browser.newContext(options.setBaseURL(app.baseUrl()));
    context.onConsoleMessage(m -> consoleLog.add(m.type() + ": " + m.text()));
    context.onWebError(e -> consoleLog.add("pageerror: " + e.error()));
    return context.newPage();
  }

  private static Page signedIn(Browser.NewContextOptions options, String email, String password) {
    assertThat(slug).as("the workspace of the first-run setup test, which runs first").isNotNull();
    Page page = newPage(options);
    page.navigate("/signin");
    signIn(page, email, password);
    assertThat(page).hasURL(Pattern.compile("/w/" + slug + "/today$"));
    return page;
  }

  private static void signIn(Page page, String email, String password) {
    page.getByLabel("E-mail address").fill(email);
    page.getByLabel("Password").fill(password);
    button(page, "Sign in").click();
  }

  /** Creates an invitation link on the owner's members page and returns it. */
  private static String createInvitation(Page owner, String role) {
    owner.navigate("/w/" + slug + "/settings/members");
    Locator form = owner.locator("form").filter(new Locator.FilterOptions().setHas(button(owner, "Create invitation link")));
    form.getByLabel("Role").selectOption(role);
    form.getByLabel("Note (who is it for?)").fill("a new " + role);
    form.getByRole(AriaRole.BUTTON).click();
    Locator link = owner.getByLabel("Invitation link");
    assertThat(link).hasValue(Pattern.compile("^http.*/invite/.+"));
    return link.inputValue();
  }

  /** A new person opens the invitation link, registers and lands in the workspace. */
  private static Page join(String invitation, String name) {
    Page page = newPage(new Browser.NewContextOptions());
    page.navigate(invitation);
    assertThat(heading(page, "Join " + WORKSPACE + " on Socius")).isVisible();
    page.getByLabel("Your name").fill(name);
    page.getByLabel("E-mail address").fill(Teams.unique("member") + "@socius.test");
    page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
    button(page, "Create account and join").click();
    assertThat(page).hasURL(app.baseUrl() + "/w/" + slug + "/today");
    return page;
  }

  /** The signed-in shell: every section is a link in the navigation. */
  private static void assertShell(Page page) {
    Locator nav = sections(page);
    assertThat(nav).isVisible();
    for (String section : SECTIONS) {
      Locator link = sectionLink(nav, section);
      assertThat(link).isVisible();
      assertThat(link).hasAttribute("href", "/w/" + slug + "/" + section.toLowerCase(Locale.ROOT));
    }
  }

  private static Locator sections(Page page) {
    return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Sections"));
  }

  private static Locator sectionLink(Locator nav, String section) {
    return nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(section).setExact(true));
  }

  private static Locator heading(Page page, String name) {
    return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name));
  }

  private static Locator link(Page page, String name) {
    return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  private static Locator button(Page page, String name) {
    return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  private static void closeAll(Page... pages) {
    for (Page page : pages) {
      page.context().close();
    }
  }
}
