package org.socius.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.feeds.internal.ImageSignature;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.socius.testing.Teams;

/**
 * Remote images of feed items under each workspace setting, on SQLite and PostgreSQL against a
 * local server: proxied by default through a signed address that serves members only, raster
 * images only, under the guard and the size cap; blocked as links; or loaded directly. The
 * setting applies to items stored before it changed.
 */
class FeedImagesTest {

  static final FeedServer SERVER = new FeedServer();
  static final Pattern IMG = Pattern.compile("<img [^>]*src=\"(/w/[^\"]+/feeds/image\\?u=[^\"]+)\"");

  @AfterAll
  static void stop() {
    SERVER.close();
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void theArticleShowsImagesAsTheSettingSaysAndTheProxyServesThemToMembersOnly(Store store) throws IOException {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    String name = Teams.unique("images");
    byte[] png = png();
    SERVER.put("/" + name + "/cat.png", "image/png", png);
    String image = SERVER.url("/" + name + "/cat.png");
    String articlePath = article(team, name, "<p>Look</p><img src=\"" + image + "\" alt=\"A cat\"><img src=\"" + image + "?2\">");
    var web = team.owner().web();

    // default: proxied, and the remote address appears only inside the signed proxy address
    assertThat(FeedsTest.api(team, "GET", "/feeds/settings", null, 200).path("images").asString()).isEqualTo("proxy");
    var article = web.get(articlePath);
    // the browser is told so too: images from Socius only on this page, from any https site elsewhere
    assertThat(article.header("Content-Security-Policy")).contains("img-src 'self' data:;").doesNotContain("https:")
        .contains("script-src 'self'");
    assertThat(web.get("/w/" + team.slug() + "/feeds").header("Content-Security-Policy")).contains("img-src 'self' data: https:;");
    String body = body(article.body());
    Matcher m = IMG.matcher(body);
    assertThat(m.find()).as(body).isTrue();
    String proxied = m.group(1).replace("&amp;", "&");
    assertThat(proxied).startsWith("/w/" + team.slug() + "/feeds/image?u=" + enc(image) + "&s=");
    assertThat(body).doesNotContain("src=\"http");

    Bytes owner = Bytes.signIn(app, team.owner().email());
    HttpResponse<byte[]> served = owner.get(proxied);
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.body()).isEqualTo(png);
    assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(served.headers().firstValue("Content-Security-Policy").orElse("")).startsWith("default-src 'none'");
    assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(served.headers().firstValue("Cache-Control").orElse("")).contains("max-age=86400").contains("private");

    var viewer = team.join("viewer");
    assertThat(Bytes.signIn(app, viewer.email()).get(proxied).statusCode()).as("a viewer of the workspace sees it").isEqualTo(200);
    var stranger = Teams.create(app);
    Bytes other = Bytes.signIn(app, stranger.owner().email());
    assertThat(other.get(proxied).statusCode()).as("a member of another workspace").isEqualTo(404);
    assertThat(other.get(proxied.replace("/w/" + team.slug() + "/", "/w/" + stranger.slug() + "/")).statusCode())
        .as("the signature is the workspace's own").isEqualTo(404);
    assertThat(owner.get(proxied.replaceAll("&s=.*", "&s=AAAA")).statusCode()).as("a wrong signature").isEqualTo(404);
    assertThat(owner.get(proxied.replace(enc(image), enc(image + "x"))).statusCode()).as("another address").isEqualTo(404);
    assertThat(owner.get("/w/" + team.slug() + "/feeds/image?u=" + enc(image)).statusCode()).as("no signature").isEqualTo(404);

    // blocked: a link to each image, named by its alt text or else its host; the proxy no longer serves
    FeedsTest.api(team, "PUT", "/feeds/settings", "{\"images\":\"block\"}", 200);
    body = body(web.get(articlePath).body());
    assertThat(body).doesNotContain("<img").contains(">image: A cat</a>").contains(">image: 127.0.0.1</a>")
        .contains("href=\"" + image + "\"");
    assertThat(owner.get(proxied).statusCode()).isEqualTo(404);

    // direct: as stored
    var form = web.post("/w/" + team.slug() + "/feeds/manage", "/w/" + team.slug() + "/feeds/settings", Map.of("images", "direct"));
    assertThat(form.status()).isEqualTo(302);
    assertThat(FeedsTest.api(team, "GET", "/feeds/settings", null, 200).path("images").asString()).isEqualTo("direct");
    assertThat(body(web.get(articlePath).body())).contains("<img src=\"" + image + "\" alt=\"A cat\">");
    assertThat(web.get(articlePath).header("Content-Security-Policy")).contains("img-src 'self' data: https:;");
    assertThat(web.get("/w/" + team.slug() + "/feeds/manage").body()).contains("value=\"direct\" checked");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void theProxyRefusesWhatIsNotARasterImageAPrivateAddressAndTooLargeAnImage(Store store) throws IOException {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    String name = Teams.unique("refuse");
    ImageSignature signature = app.bean(ImageSignature.class);
    Bytes owner = Bytes.signIn(app, team.owner().email());

    SERVER.put("/" + name + "/page", "text/html", "<html><body>not an image</body></html>");
    SERVER.put("/" + name + "/logo.svg", "image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
    SERVER.put("/" + name + "/fake.png", "image/png", "<html><script>alert(1)</script></html>");
    byte[] large = new byte[10 * 1024 * 1024 + 1];
    System.arraycopy(png(), 0, large, 0, png().length);
    SERVER.put("/" + name + "/large.png", "image/png", large);
    for (String path : new String[] {"/page", "/logo.svg", "/fake.png", "/large.png"}) {
      String url = SERVER.url("/" + name + path);
      var r = owner.get(proxy(team, url, signature.sign(team.workspaceId(), url)));
      assertThat(r.statusCode()).as(path).isEqualTo(502);
      assertThat(new String(r.body(), StandardCharsets.UTF_8)).as(path).doesNotContain("alert(1)");
    }
    // 127.0.0.2 is loopback too, outside the tests' private-network allowance (127.0.0.1 only)
    String inside = SERVER.url("/" + name + "/page").replace("127.0.0.1", "127.0.0.2");
    assertThat(owner.get(proxy(team, inside, signature.sign(team.workspaceId(), inside))).statusCode()).isEqualTo(403);
    String metadata = "http://169.254.169.254/latest/meta-data/";
    assertThat(owner.get(proxy(team, metadata, signature.sign(team.workspaceId(), metadata))).statusCode()).isEqualTo(403);

    assertThat(FeedsTest.api(team, "PUT", "/feeds/settings", "{\"images\":\"sometimes\"}", 400).path("detail").asString())
        .contains("proxy, block or direct");
    var viewer = team.join("viewer");
    String token = team.token(viewer, "viewer");
    var refused = viewer.web().api("PUT", "/api/v1/workspaces/" + team.workspaceId() + "/feeds/settings", token, "{\"images\":\"direct\"}");
    assertThat(refused.status()).as("owners only").isEqualTo(403);
    assertThat(FeedsTest.api(team, "GET", "/feeds/settings", null, 200).path("images").asString()).isEqualTo("proxy");
  }

  /** Subscribes the team to a feed with one item of this HTML; answers the article's path. */
  static String article(Teams.Team team, String name, String html) {
    String feedPath = "/" + name + "/feed.xml";
    SERVER.put(feedPath, "application/rss+xml", FeedServer.rss("Images " + name, "i1|With images|https://blog.example/i|" + html));
    FeedsTest.api(team, "POST", "/feeds", "{\"url\":\"" + SERVER.url(feedPath) + "\"}", 201);
    String id = FeedsTest.api(team, "GET", "/feeds/items", null, 200).path("items").get(0).path("id").asString();
    return "/w/" + team.slug() + "/feeds/items/" + id;
  }

  static String body(String page) {
    return page.substring(page.indexOf("article-body"));
  }

  static String proxy(Teams.Team team, String url, String signature) {
    return "/w/" + team.slug() + "/feeds/image?u=" + enc(url) + "&s=" + signature;
  }

  static byte[] png() throws IOException {
    BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
    image.setRGB(1, 1, 0xff8800);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** A signed-in session that reads answers as bytes, as a browser loads images. */
  record Bytes(SociusApp app, HttpClient client) {
    static Bytes signIn(SociusApp app, String email) {
      HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
      Bytes b = new Bytes(app, client);
      String form = new String(b.get("/signin").body(), StandardCharsets.UTF_8);
      Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
      assertThat(m.find()).isTrue();
      String fields = "_csrf=" + enc(m.group(1).replace("&#61;", "=")) + "&email=" + enc(email) + "&password=" + enc(Teams.PASSWORD);
      var signedIn = b.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/signin"))
          .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(fields)));
      assertThat(signedIn.statusCode()).isEqualTo(302);
      return b;
    }

    HttpResponse<byte[]> get(String path) {
      return send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).GET());
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
      try {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
