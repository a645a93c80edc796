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

  // --- the one-pass cleaner gives what jsoup's Cleaner gives with the same list ---

  private static String jsoupClean(String html, String base) {
    if (html == null || html.isBlank()) {
      return null;
    }
    String out = org.jsoup.Jsoup.clean(html, base, HtmlSanitizer.ALLOWED,
        new org.jsoup.nodes.Document.OutputSettings().prettyPrint(false)).strip();
    return out.isEmpty() ? null : out;
  }

  private static final java.util.List<String> BLOG_HTML = java.util.List.of(
      "<p>It&rsquo;s here &mdash; see <a href=\"/2026/11/notes/?utm_source=rss&amp;x=1\" target=\"_blank\">notes</a>&nbsp;and "
          + "<a href=\"https://other.example/a?b=c#d\" title=\"T\" class=\"x\">that</a>.</p>",
      "<figure class=\"wp-block-image\"><img loading=\"lazy\" width=\"1024\" height=\"683\" src=\"/wp-content/a.jpg\" "
          + "srcset=\"https://blog.example/a-300.jpg 300w\" alt=\"A &quot;photo&quot;\"><figcaption>Caf\u00e9 &copy; me</figcaption></figure>",
      "<ul><li>one <em>1</em></li><li>two</li></ul><ol start=\"3\" type=\"a\"><li>three</li></ol>",
      "<pre class=\"wp-block-code\"><code lang=\"java\">if (a &lt; b &amp;&amp; c &gt; 0) {\n  return \"x\";\n}</code></pre>",
      "<blockquote cite=\"../quotes/1\"><p>Said <q cite=\"https://q.example/\">this</q></p><cite>Someone</cite></blockquote>",
      "<table summary=\"s\"><thead><tr><th scope=\"col\" colspan=\"2\">h</th></tr></thead><tbody><tr><td rowspan=\"1\">1</td>"
          + "<td>2</td></tr></tbody></table><hr><p>after<br>break</p>",
      "<div class=\"sharedaddy\"><style>.share{display:none}</style><a href=\"javascript:share()\">Share</a></div>"
          + "<script async src=\"https://platform.example/widgets.js\"></script><!-- comment --><p>end</p>",
      "<iframe src=\"https://video.example/embed/x\" allowfullscreen></iframe><p style=\"color:red\" onclick=\"t()\">styled</p>",
      "<a href=\"mailto:me@example.org\">mail</a> <a href=\"ftp://files.example/x\">ftp</a> <a href=\"HTTPS://UPPER.example/X\">up</a> "
          + "<a href=\"//cdn.example/p\">proto</a> <a href=\"?page=2\">q</a> <a href=\"#top\">frag</a> <a href=\"\">empty</a> <a>none</a>",
      "<a href=\"https://user:pw@host.example/x\">user</a> <a href=\"http://host.example:8080/./a/../b\">port</a> "
          + "<a href=\" https://sp.example/a b \">spaces</a> <a href=\"https://h.example/\u00e9t\u00e9\">utf</a> <img src=\"data:image/png;base64,AAAA\">",
      "<a href=\"java&#x09;script:alert(1)\">a</a><a href=\"url:javascript:alert(2)\">b</a><a href=\"vbscript:x\">c</a>"
          + "<a href=\"https:relative\">d</a><a href=\"tel:+123\">e</a><img src=\"x\" onerror=\"alert(1)\">",
      "<svg><![CDATA[<b>x</b>]]><script>alert(1)</script></svg><math><mi>x</mi></math><textarea><b>t</b></textarea><title>t</title>",
      "<base href=\"https://evil.example/\"><a href=\"/about\">about</a><form><input name=p></form><noscript><p>n</p></noscript>",
      "<p>Text with \u00a0nbsp, \u0007bell, emoji \ud83d\ude00, C1 \u0085, and <abbr title=\"t\">abbr</abbr> "
          + "<time datetime=\"2026-12-03\">today</time> <mark>m</mark> <s>s</s> <del>d</del> <ins>i</ins> <span>span</span></p>",
      "<p>unclosed <b>bold <i>both</b> italic</i> <div>in p</div> <li>stray</li> <td>cell</td> </p></p>");

  @Test
  void blogHtmlGivesWhatJsoupsCleanerGives() {
    for (String base : java.util.Arrays.asList("https://blog.example/2026/11/post/", "", null, "not a url")) {
      for (String html : BLOG_HTML) {
        assertThat(HtmlSanitizer.sanitize(html, base)).as(base + " | " + html).isEqualTo(jsoupClean(html, base == null ? "" : base));
      }
    }
  }

  /** Every item of gofeed's corpus, summary and content, cleaned both ways. */
  @Test
  void corpusHtmlGivesWhatJsoupsCleanerGives() {
    int compared = 0;
    for (java.nio.file.Path p : Corpus.files(".")) {
      String name = p.getFileName().toString();
      if (!name.endsWith(".xml") && !(name.endsWith(".json") && !name.endsWith("_expected.json"))) {
        continue;
      }
      ParsedFeed raw;
      try {
        raw = FeedParser.parse(Corpus.bytes(p), null, "https://example.net/feed", false);
      } catch (RuntimeException notAFeed) {
        continue;
      }
      for (ParsedFeed.Item i : raw.items()) {
        String base = i.url() != null ? i.url() : "https://example.net/feed";
        for (String html : java.util.Arrays.asList(i.summary(), i.content())) {
          assertThat(HtmlSanitizer.sanitize(html, base)).as(p + " | " + html).isEqualTo(jsoupClean(html, base));
          compared++;
        }
      }
    }
    assertThat(compared).isGreaterThan(200);
  }

  /** The link attributes checked outside the list are exactly those the list has protocols for. */
  @Test
  void linkAttributesMatchTheList() {
    for (String tag : java.util.List.of("a", "img", "blockquote", "q", "cite", "abbr", "time", "td", "th", "table", "col", "ol", "ul", "div")) {
      for (String attr : java.util.List.of("href", "src", "cite", "title", "datetime", "abbr", "longdesc", "action")) {
        for (String value : java.util.List.of("https://x.example/p", "http://x.example/p", "mailto:a@x.example", "ftp://x.example/",
            "javascript:alert(1)", "data:text/html,x", "/rel/p", "/a?b=1&c#d", "/", "/a/./b", "/a/../b", "/%41%zz", "/a|b{c}",
            "/a b", "/é", "//cdn.example/x", "?q=1", "plain text")) {
          String html = "<" + tag + " " + attr + "=\"" + value + "\">x</" + tag + ">";
          for (String base : java.util.List.of("https://blog.example/a/", "http://Blog.Example:8080/a/b?x#y", "https://u:p@blog.example/")) {
            assertThat(HtmlSanitizer.sanitize(html, base)).as(base + " | " + html).isEqualTo(jsoupClean(html, base));
          }
        }
      }
    }
  }

  @Test
  void schemesAreReadAsJavaUrlReadsThem() {
    assertThat(HtmlSanitizer.scheme("JavaScript:alert(1)")).isEqualTo("javascript");
    assertThat(HtmlSanitizer.scheme("url:javascript:x")).isEqualTo("javascript");
    assertThat(HtmlSanitizer.scheme("/a:b")).isNull();
    assertThat(HtmlSanitizer.scheme("#a:b")).isNull();
    assertThat(HtmlSanitizer.scheme("1a:b")).isNull();
    assertThat(HtmlSanitizer.scheme("https://x")).isEqualTo("https");
    assertThat(HtmlSanitizer.withoutControlChars("java\tscr\nipt:")).isEqualTo("javascript:");
    assertThat(HtmlSanitizer.simpleAbsolute("https://a.example/p?q=1#f", "https")).isTrue();
    assertThat(HtmlSanitizer.simpleAbsolute("https://u@a.example/", "https")).isFalse();
    assertThat(HtmlSanitizer.simpleAbsolute("https://a.example/./x", "https")).isFalse();
    assertThat(HtmlSanitizer.simpleAbsolute("https://a.example/a b", "https")).isFalse();
  }

  /** The writer answers what jsoup writes, and leaves to jsoup the characters jsoup writes as numeric references. */
  @Test
  void theWriterWritesWhatJsoupWrites() {
    int writes = 0;
    for (String html : BLOG_HTML) {
      org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parseBodyFragment(html.replaceAll("[\\x00-\\x08\\x0b-\\x1f]", ""));
      doc.outputSettings().prettyPrint(false);
      doc.body().select("script, style, svg, math").remove();
      doc.body().getAllElements().forEach(e -> e.childNodes().stream()
          .filter(n -> !(n instanceof org.jsoup.nodes.Element) && !(n instanceof org.jsoup.nodes.TextNode)).toList().forEach(org.jsoup.nodes.Node::remove));
      String written = HtmlWriter.inner(doc.body(), 64);
      if (written != null) {
        assertThat(written).as(html).isEqualTo(doc.body().html());
        writes++;
      }
    }
    assertThat(writes).isGreaterThan(BLOG_HTML.size() - 3);
    for (String odd : java.util.List.of("<p>bell\u0007</p>", "<p title=\"\u0001\">x</p>", "<p>lone \ud800 surrogate</p>",
        "<iframe allowfullscreen></iframe>", "<p nowrap=\"nowrap\">x</p>")) {
      org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parseBodyFragment(odd);
      assertThat(HtmlWriter.inner(doc.body(), 64)).as(odd).isNull();
    }
  }
}
