package org.socius.feeds.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Feed HTML keeps its text and structure and loses everything that could run or restyle the page. */
class HtmlSanitizerTest {

  private static String clean(String html) {
    return HtmlSanitizer.sanitize(html, "https://blog.example/post/1");
  }

  @Test
  void scriptsAreRemovedWithTheirContent() {
    String out = clean("<p>Hello</p><script>alert(1)</script><noscript><script>alert(2)</script></noscript>");
    assertThat(out).contains("<p>Hello</p>").doesNotContainIgnoringCase("script").doesNotContain("alert");
  }

  @Test
  void eventHandlersAreRemoved() {
    String out = clean("<img src=\"https://img.example/a.png\" onerror=\"alert(1)\"><p onclick=\"alert(2)\" onmouseover=x>t</p>");
    assertThat(out).doesNotContainIgnoringCase("onerror").doesNotContainIgnoringCase("onclick")
        .doesNotContainIgnoringCase("onmouseover").doesNotContain("alert").contains("https://img.example/a.png");
  }

  @Test
  void javascriptAndDataUrlsAreRemoved() {
    String out = clean("<a href=\"javascript:alert(1)\">a</a><a href=\" JaVaScRiPt:alert(2)\">b</a>"
        + "<a href=\"java&#x09;script:alert(3)\">c</a><img src=\"data:image/svg+xml;base64,PHN2Zz4=\"><a href=\"vbscript:x\">d</a>");
    assertThat(out).doesNotContainIgnoringCase("javascript").doesNotContainIgnoringCase("script:").doesNotContain("data:")
        .doesNotContain("alert").contains(">a</a>");
  }

  @Test
  void svgAndMathMlAreRemoved() {
    String out = clean("<svg onload=\"alert(1)\"><script>alert(2)</script><use href=\"#x\"/></svg>"
        + "<math><mtext><table><mglyph><style><img src=x onerror=alert(3)></style></mglyph></table></mtext></math>ok");
    assertThat(out).doesNotContainIgnoringCase("svg").doesNotContainIgnoringCase("onload").doesNotContain("alert")
        .doesNotContainIgnoringCase("<math").doesNotContainIgnoringCase("onerror").contains("ok");
  }

  @Test
  void cssExpressionsAndStylesAreRemoved() {
    String out = clean("<div style=\"width: expression(alert(1)); background:url(javascript:alert(2))\">x</div>"
        + "<style>body{behavior:url(x.htc)}</style><link rel=stylesheet href=https://evil.example/x.css>");
    assertThat(out).doesNotContain("expression").doesNotContain("style").doesNotContain("behavior")
        .doesNotContain("evil.example").contains("x");
  }

  @Test
  void baseFormsAndFramesAreRemoved() {
    String out = clean("<base href=\"https://evil.example/\"><a href=\"/about\">about</a><form action=https://evil.example>"
        + "<input name=p></form><iframe src=https://evil.example></iframe><object data=x></object><meta http-equiv=refresh content=0>");
    assertThat(out).doesNotContain("<base").doesNotContain("evil.example").doesNotContain("<form").doesNotContain("<input")
        .doesNotContain("<iframe").doesNotContain("<object").doesNotContain("<meta")
        .contains("href=\"https://blog.example/about\""); // resolved against the item, not the injected base
  }

  @Test
  void linksOpenWithoutReferrerOrOpener() {
    String out = clean("<a href=\"https://other.example/x\" rel=\"author\" target=\"_self\">x</a>");
    assertThat(out).contains("rel=\"noopener noreferrer\"").doesNotContain("target");
  }

  @Test
  void structureIsKept() {
    String out = clean("<h2>T</h2><p>a <em>b</em> <strong>c</strong></p><ul><li>1</li></ul><blockquote>q</blockquote><pre><code>x</code></pre>");
    assertThat(out).isEqualTo("<h2>T</h2><p>a <em>b</em> <strong>c</strong></p><ul><li>1</li></ul><blockquote>q</blockquote><pre><code>x</code></pre>");
  }

  @Test
  void trackingParametersAreStrippedFromSharedLinks() {
    assertThat(Links.withoutTracking("https://a.example/p?id=3&utm_source=rss&utm_medium=feed&fbclid=xyz&b=2#top"))
        .isEqualTo("https://a.example/p?id=3&b=2#top");
    assertThat(Links.withoutTracking("https://a.example/p?utm_campaign=x&gclid=1")).isEqualTo("https://a.example/p");
    assertThat(Links.withoutTracking("https://a.example/p")).isEqualTo("https://a.example/p");
  }

  /** The shortcut for text without markup gives exactly what jsoup gives. */
  @Test
  void plainTextTakesTheShortcutWithTheSameAnswer() {
    for (String t : java.util.List.of("Just words", "  Spaced   out\n\tlines  ", "a > b, \"quoted\" and 'single'", "Café über",
        "x = 1; y = 2 / 3", "")) {
      assertThat(HtmlSanitizer.plain(t)).as(t).isTrue();
      String jsoup = org.jsoup.Jsoup.clean(t, "", org.jsoup.safety.Safelist.relaxed(),
          new org.jsoup.nodes.Document.OutputSettings().prettyPrint(false)).strip();
      assertThat(HtmlSanitizer.sanitize(t, "https://example.net/")).as(t).isEqualTo(t.isBlank() ? null : jsoup);
    }
    for (String t : java.util.List.of("a &amp; b", "<b>x</b>", "non\u00a0breaking", "bell\u0007", "emoji \ud83d\ude00")) {
      assertThat(HtmlSanitizer.plain(t)).as(t).isFalse();
    }
  }
}
