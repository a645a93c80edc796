package org.socius.feeds.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.socius.bench.RealisticFeeds;

/**
 * The one-pass sanitiser answers what jsoup's Cleaner answers with the same list, or declines:
 * over realistic blog HTML (where it must take almost every item, or it saves nothing), over
 * crafted cases on each side of the line it draws, and over thousands of mutated documents.
 */
class OnePassSanitizerTest {

  private static final String BASE = "https://blog.example/2026/11/post/";

  private static String jsoupClean(String html, String base) {
    String out = Jsoup.clean(html, base, HtmlSanitizer.ALLOWED, new Document.OutputSettings().prettyPrint(false)).strip();
    return out.isEmpty() ? null : out;
  }

  /** The one pass's answer, stripped as HtmlSanitizer strips it; null when it declines. */
  private static String onePass(String html, String base) {
    String out = OnePassSanitizer.sanitize(html, new HtmlSanitizer.Base(base));
    if (out == null) {
      return null;
    }
    String clean = out.strip();
    return clean.isEmpty() ? "" : clean;
  }

  private static void sameAsJsoup(String html, String base) {
    String expected = jsoupClean(html, base);
    String one = onePass(html, base);
    if (one != null && !java.util.Objects.equals(one.isEmpty() ? null : one, expected)) {
      throw new AssertionError("one pass differs from jsoup " + where(one, expected == null ? "" : expected) + "\nfor: " + html);
    }
    String sanitized = HtmlSanitizer.sanitize(html, base);
    if (!java.util.Objects.equals(sanitized, expected)) {
      throw new AssertionError("sanitize differs from jsoup " + where(String.valueOf(sanitized), String.valueOf(expected)) + "\nfor: " + html);
    }
  }

  /** Where two answers part, with a little of each around it. */
  private static String where(String a, String b) {
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    int from = Math.max(0, i - 60);
    return ("at " + i + ": one pass '" + a.substring(from, Math.min(a.length(), i + 60)) + "' | jsoup '"
        + b.substring(from, Math.min(b.length(), i + 60)) + "'").replace("\r", "\\r").replace("\n", "\\n");
  }

  private static List<String> realisticHtml() {
    List<String> html = new ArrayList<>();
    for (byte[] doc : RealisticFeeds.generate(12, 25)) {
      for (ParsedFeed.Item i : FeedParser.parse(doc, null, "https://example.net/feed", false).items()) {
        html.add(i.summary());
        html.add(i.content());
      }
    }
    html.removeIf(h -> h == null || HtmlSanitizer.plain(h));
    return html;
  }

  @Test
  void realisticBlogHtmlTakesOnePassWithJsoupsAnswer() {
    List<String> html = realisticHtml();
    int onePass = 0;
    for (String h : html) {
      sameAsJsoup(h, BASE);
      onePass += onePass(h, BASE) != null ? 1 : 0;
    }
    assertThat(html).hasSizeGreaterThan(250);
    assertThat(onePass).as("items cleaned in one pass").isGreaterThan(html.size() * 9 / 10);
  }

  @Test
  void plainMarkupIsCleanedInOnePass() {
    for (String h : List.of(
        "<p>It&rsquo;s <a href=\"/x?utm_source=rss&amp;b=1\" target=_blank rel=author>here</a>&nbsp;&#8212; &#x1F600; &amp; more</p>",
        "<p>a < b, <3, & c &</p>",
        "<div class=x><p>one</p><p>two</p></div><ul><li>a<ul><li>b</li></ul></li></ul><dl><dt>t</dt><dd>d</dd></dl>",
        "<h2 id=t>T</h2><figure><img src=a.png alt=\"\" srcset=\"b.png 2x\"><figcaption>c</figcaption></figure><hr><br/>",
        "<p>x</p><script type=\"text/javascript\">if (a < b && c) { document.write('</p>') }</script><style>p{color:red}</style>y",
        "<p>x<!-- a comment -- with dashes -->y</p><section><article>inside</article></section><video><source src=v.mp4>t</video>",
        "<p onclick=\"alert(1)\" style=\"x\">t</p><a href=\"javascript:alert(1)\">j</a><img src=\"data:x\"><iframe src=x>fb <b>x</b></iframe>",
        "<pre><code>a\r\n  b</code></pre>\r\n<p>crlf\r\nlines</p><o:p>word</o:p><span lang=en>s</span><p>open at the end",
        "<P CLASS=X>Upper <B>case</B></P><a href=x title=one TITLE=two>dup</a>")) {
      assertThat(onePass(h, BASE)).as(h).isNotNull();
      sameAsJsoup(h, BASE);
    }
  }

  /** What the tree builder repairs or reads in a mode of its own is left to it, and the answer is still jsoup's. */
  @Test
  void markupThatNeedsTheTreeBuilderIsLeftToIt() {
    for (String h : List.of(
        "<p>unclosed <b>bold <i>both</b> italic</i>", "<p>para <div>div in p</div>", "<p>a<p>b", "<li>one<li>two",
        "<dl><dt>a<dd>b</dl>", "<a href=x>one <a href=y>two</a></a>", "<h1>a<h2>b</h2></h1>", "<b>x</i>", "<p>a</br>b</p>",
        "<table><tr><td>cell</td></tr></table>", "<form><input></form>", "<svg><script>alert(1)</script></svg>",
        "<math><mi>x</mi></math>", "<textarea><b>t</b></textarea>", "<title>t</title>", "<noscript><p>n</p></noscript>",
        "<pre>\nfirst line dropped</pre>", "<span/>self-closed", "<p>&copy 2026 &ampx</p>", "<p>&#128; &#0; &#xD800;</p>",
        "<a title='a&ampb'>x</a>", "<![CDATA[x]]>", "<!DOCTYPE html>x", "<?php echo 1 ?>", "</ x>", "<!-->a", "<!--a--!>b",
        "<script>a<!--b</script>c", "<script>never closed", "<p>bell\u0007</p>", "<p>lone \ud800 half</p>", "<p>nul\u0000</p>",
        "<p title=\"x\u0001\">t</p>", "<div a=b c=d\"e>x</div>", "<p>x</p", "<img src=\"unterminated>")) {
      assertThat(onePass(h, BASE)).as(h).isNull();
      sameAsJsoup(h, BASE);
    }
  }

  /** Thousands of documents made by breaking realistic and blog HTML in the places a tokeniser is fragile. */
  @Test
  void mutatedMarkupGivesJsoupsAnswerEitherWay() {
    String[] pieces = {"<", ">", "&", "\"", "'", "/", "=", " ", "\r", "\n", "\u0000", "</p>", "<p>", "<b>", "</b>", "<i>", "</i>",
        "<li>", "</li>", "<div>", "</div>", "<a href=x>", "</a>", "<h2>", "</h2>", "<pre>", "\n<pre>\n", "<br/>", "<div/>",
        "<!--", "-->", "--!>", "<script>", "</script>", "<style>", "</style>", "&amp", "&amp;", "&#128;", "&#x41;", "&nbsp;",
        "&notin;", "&copy", "<table>", "<td>", "<svg>", "<ul>", "</ul>", "<dd>", "<hr>", "<img src=\"a b\">", "\u00a0", "\ud83d\ude00"};
    List<String> seeds = new ArrayList<>(realisticHtml().subList(0, 60));
    seeds.addAll(List.of("<p>a <em>b</em> <a href=\"/c\">c</a></p><ul><li>1</li><li>2</li></ul>",
        "<blockquote cite=\"../q\"><p>q &mdash; <q>r</q></p></blockquote><pre><code>x &lt; y</code></pre>"));
    Random random = new Random(Long.getLong("mutation.seed", 42));
    int onePass = 0;
    int total = 0;
    for (String seed : seeds) {
      for (int n = 0; n < Integer.getInteger("mutations", 60); n++) {
        StringBuilder b = new StringBuilder(seed);
        for (int m = 1 + random.nextInt(3); m > 0; m--) {
          int at = random.nextInt(b.length() + 1);
          if (random.nextInt(4) == 0 && b.length() > 0) {
            int to = Math.min(b.length(), at + 1 + random.nextInt(12));
            b.delete(Math.min(at, to), to);
          } else {
            b.insert(at, pieces[random.nextInt(pieces.length)]);
          }
        }
        String html = b.toString();
        if (html.isBlank()) {
          continue;
        }
        String base = random.nextBoolean() ? BASE : "";
        sameAsJsoup(html, base);
        onePass += onePass(html, base) != null ? 1 : 0;
        total++;
      }
    }
    assertThat(onePass).as("mutations still cleaned in one pass, so the comparison covers it").isGreaterThan(total / 5);
  }
}
