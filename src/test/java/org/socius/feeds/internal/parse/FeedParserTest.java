package org.socius.feeds.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The parser's safety and its handling of charsets and broken documents. */
class FeedParserTest {

  private static ParsedFeed parse(String xml) {
    return FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8), null, "https://site.example/feed.xml");
  }

  @Test
  void billionLaughsIsNotExpanded() {
    ParsedFeed feed = parse(FeedParserTestData.BILLION_LAUGHS);
    assertThat(feed.title()).doesNotContain("lollol").hasSizeLessThan(20);
  }

  @Test
  void externalEntitiesAreNotRead() {
    ParsedFeed feed = parse(FeedParserTestData.XXE);
    assertThat(feed.title()).doesNotContain("root:");
    assertThat(feed.items().get(0).title()).doesNotContain("root:");
  }

  @Test
  void anHtmlPageIsNotAFeed() {
    assertThatThrownBy(() -> parse("<!DOCTYPE html><html><head><title>Oops</title></head><body>gone</body></html>"))
        .isInstanceOf(FeedFormatException.class).hasMessage("This is an HTML page, not a feed");
  }

  @Test
  void otherXmlAndTextAreNotFeeds() {
    assertThatThrownBy(() -> parse("<note><to>x</to></note>")).hasMessageContaining("root element is <note>");
    assertThatThrownBy(() -> parse("hello")).hasMessageContaining("neither XML nor JSON");
    assertThatThrownBy(() -> parse("{\"a\":1}")).hasMessageContaining("not a JSON Feed");
  }

  @Test
  void mismatchedAndMissingEndTagsAreForgiven() {
    // as gofeed and browsers do: what is there is read rather than the whole feed lost
    assertThat(parse("<rss><channel><title>x</channel").title()).isEqualTo("x");
    assertThat(parse("<rss><channel><title>Fish & Chips &nbsp;&copy 1</title><language>en</langauge></channel></rss>").title())
        .isEqualTo("Fish & Chips \u00a0&copy 1");
  }

  @Test
  void invalidUtf8BecomesReplacementCharactersWhenDeclared() {
    byte[] head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>caf".getBytes(StandardCharsets.UTF_8);
    byte[] tail = "</title></channel></rss>".getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + 2 + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    body[head.length] = (byte) 0xC3;
    body[head.length + 1] = (byte) 0x28; // an invalid two-byte sequence
    System.arraycopy(tail, 0, body, head.length + 2, tail.length);
    ParsedFeed feed = FeedParser.parse(body, null, null);
    assertThat(feed.title()).startsWith("caf\uFFFD");
  }

  @Test
  void undeclaredNonUtf8IsReadAsWindows1252() {
    byte[] body = "<rss version=\"2.0\"><channel><title>caf\u00e9 \u2013 ok</title></channel></rss>".getBytes(java.nio.charset.Charset.forName("windows-1252"));
    assertThat(FeedParser.parse(body, null, null).title()).isEqualTo("caf\u00e9 \u2013 ok");
  }

  @Test
  void theDeclarationOrHeaderNamesTheCharset() {
    byte[] latin = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><title>\u00e9t\u00e9</title></channel></rss>"
        .getBytes(StandardCharsets.ISO_8859_1);
    assertThat(FeedParser.parse(latin, null, null).title()).isEqualTo("\u00e9t\u00e9");
    byte[] plain = "<rss><channel><title>\u00e9t\u00e9</title></channel></rss>".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(FeedParser.parse(plain, "application/rss+xml; charset=iso-8859-1", null).title()).isEqualTo("\u00e9t\u00e9");
  }

  @Test
  void relativeLinksAreResolvedAndHtmlSanitised() {
    ParsedFeed feed = parse("""
        <rss version="2.0"><channel><link>/</link><item><title>T</title><link>/posts/1?utm_source=rss</link>
        <description><![CDATA[<p onclick="x()">Hi <a href="../about">about</a></p><script>alert(1)</script>]]></description>
        <pubDate>Tue, 03 Jun 2003 09:39:21 GMT</pubDate></item></channel></rss>""");
    assertThat(feed.siteUrl()).isEqualTo("https://site.example/");
    ParsedFeed.Item item = feed.items().get(0);
    assertThat(item.url()).isEqualTo("https://site.example/posts/1?utm_source=rss");
    assertThat(item.summary()).isEqualTo("<p>Hi <a href=\"https://site.example/about\" rel=\"noopener noreferrer\">about</a></p>");
    assertThat(item.published()).isEqualTo(Instant.parse("2003-06-03T09:39:21Z"));
  }

  @Test
  void jsonFeedIsRead() {
    ParsedFeed feed = parse("""
        {"version":"https://jsonfeed.org/version/1.1","title":"J","home_page_url":"https://j.example/",
         "authors":[{"name":"Ann","url":"https://social.example/@ann"}],
         "items":[{"id":"1","url":"https://j.example/1","title":"One","content_html":"<b>x</b><img src=x onerror=y>",
                   "date_published":"2024-05-01T10:00:00+02:00","tags":["a","b"]}]}""");
    assertThat(feed.format()).isEqualTo("json 1.1");
    assertThat(feed.authors().get(0).uri()).isEqualTo("https://social.example/@ann");
    ParsedFeed.Item item = feed.items().get(0);
    assertThat(item.content()).isEqualTo("<b>x</b><img src=\"https://j.example/x\">");
    assertThat(item.published()).isEqualTo(Instant.parse("2024-05-01T08:00:00Z"));
    assertThat(item.categories()).containsExactly("a", "b");
  }

  @Test
  void datesInTheFormsFeedsUse() {
    assertThat(FeedDates.parse("Thu, 01 Jan 2004 19:48:21 GMT")).isEqualTo(Instant.parse("2004-01-01T19:48:21Z"));
    assertThat(FeedDates.parse("1 Jan 04 19:48 EST")).isEqualTo(Instant.parse("2004-01-02T00:48:00Z"));
    assertThat(FeedDates.parse("Thursday, 01 January 2004 19:48:21 +0100")).isEqualTo(Instant.parse("2004-01-01T18:48:21Z"));
    assertThat(FeedDates.parse("2004-01-01T19:48:21.123+01:00")).isEqualTo(Instant.parse("2004-01-01T18:48:21.123Z"));
    assertThat(FeedDates.parse("2004-01-01 19:48:21")).isEqualTo(Instant.parse("2004-01-01T19:48:21Z"));
    assertThat(FeedDates.parse("2004-01-01")).isEqualTo(Instant.parse("2004-01-01T00:00:00Z"));
    assertThat(FeedDates.parse("2024-13-45T99:00:00Z")).isNull();
    assertThat(FeedDates.parse("yesterday")).isNull();
  }

  private static final String GOOD = "<rss xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Good</title>"
      + "<item><title>One</title><dc:creator>Ann</dc:creator><description>&lt;p&gt;a&lt;/p&gt;</description></item></channel></rss>";

  /** Each thread reuses one XML reader: after a document that broke it half-way, the next is read whole. */
  @Test
  void aReusedReaderReadsTheNextDocumentWhole() {
    ParsedFeed before = parse(GOOD);
    for (String broken : java.util.List.of("<rss><channel><title>x</channel", "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>1</id>",
        "<rss><channel><item><title>a & b</title><undeclared:x>y</undeclared:x></item>", FeedParserTestData.BILLION_LAUGHS)) {
      try {
        parse(broken);
      } catch (FeedFormatException tooBroken) {
        // whether it is forgiven or not, the next document must not feel it
      }
      assertThat(parse(GOOD)).as(broken).isEqualTo(before);
    }
    assertThat(before.items()).singleElement().satisfies(i -> {
      assertThat(i.title()).isEqualTo("One");
      assertThat(i.authors()).extracting(ParsedFeed.Author::name).containsExactly("Ann");
    });
  }

  /** Parsers on many threads at once (as the polling pool runs them) each get what one thread gets. */
  @Test
  void threadsDoNotShareAReader() throws Exception {
    java.util.List<String> docs = java.util.List.of(GOOD, FeedParserTestData.XXE, "<rss><channel><title>x</channel",
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title><entry><id>1</id><title>T</title></entry></feed>");
    java.util.List<ParsedFeed> expected = docs.stream().map(FeedParserTest::parse).toList();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      java.util.List<java.util.concurrent.Future<Boolean>> runs = new java.util.ArrayList<>();
      for (int t = 0; t < 8; t++) {
        runs.add(pool.submit(() -> {
          for (int round = 0; round < 200; round++) {
            for (int d = 0; d < docs.size(); d++) {
              if (!parse(docs.get(d)).equals(expected.get(d))) {
                return false;
              }
            }
          }
          return true;
        }));
      }
      for (java.util.concurrent.Future<Boolean> run : runs) {
        assertThat(run.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Text in an HTML title without markup skips jsoup and reads the same: white space collapsed, none at the ends. */
  @Test
  void htmlTextWithoutMarkupReadsAsJsoupReadsIt() {
    java.util.Random random = new java.util.Random(3);
    String[] pieces = {"a", "word", " ", "  ", "\t", "\n", "\r\n", "\f", "é", ">", "\"", "'"};
    for (int n = 0; n < 2000; n++) {
      StringBuilder b = new StringBuilder();
      for (int k = random.nextInt(8); k >= 0; k--) {
        b.append(pieces[random.nextInt(pieces.length)]);
      }
      String s = b.toString();
      String jsoup = org.jsoup.Jsoup.parse(s).text().strip();
      assertThat(RawFeed.htmlToText(s)).as("[" + s + "]").isEqualTo(jsoup.isEmpty() ? null : jsoup);
    }
  }
}
