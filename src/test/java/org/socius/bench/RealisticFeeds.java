package org.socius.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Feeds like the ones people follow, made up from a fixed seed so every run parses the same bytes:
 * RSS 2.0 with the article in content:encoded (CDATA) and an escaped excerpt in description, and
 * Atom 1.0 with escaped HTML content. Each item carries kilobytes of the HTML that blog engines
 * write: paragraphs with entities, relative and tracked links, images with srcset, lists, code,
 * quotes, figures, and the embeds a sanitiser must drop (script, iframe, style, event handlers).
 */
public final class RealisticFeeds {

  private static final String[] WORDS = ("the a of and to in is that it for on with as was at by this from be an or have are "
      + "release server reader feed update build morning garden bicycle kitchen window library migration protocol "
      + "design review schedule weekend article version performance database memory thread network privacy interface "
      + "community conference notebook photograph recipe season travel journey question answer example default").split(" ");

  private RealisticFeeds() {}

  /** count documents of items items each; the same arguments always give the same bytes. */
  public static List<byte[]> generate(int count, int items) {
    Random random = new Random(20261203L);
    List<byte[]> docs = new ArrayList<>(count);
    for (int d = 0; d < count; d++) {
      String site = "https://blog" + d + ".example";
      String doc = d % 3 == 2 ? atom(random, site, items) : rss(random, site, items);
      docs.add(doc.getBytes(StandardCharsets.UTF_8));
    }
    return docs;
  }

  private static String rss(Random r, String site, int items) {
    StringBuilder s = new StringBuilder(items * 6000);
    s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
        + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n<title>")
        .append(sentence(r, 4)).append("</title>\n<link>").append(site).append("/</link>\n<atom:link href=\"").append(site)
        .append("/feed/\" rel=\"self\" type=\"application/rss+xml\"/>\n<description>").append(sentence(r, 10))
        .append("</description>\n<language>en-GB</language>\n<lastBuildDate>Tue, 01 Dec 2026 09:30:00 +0000</lastBuildDate>\n");
    for (int i = 0; i < items; i++) {
      String html = article(r, site);
      s.append("<item>\n<title>").append(escape(sentence(r, 6))).append("</title>\n<link>").append(site).append("/2026/11/post-")
          .append(i).append("/</link>\n<dc:creator><![CDATA[").append(sentence(r, 2)).append("]]></dc:creator>\n<pubDate>")
          .append(String.format("%s, %02d Nov 2026 %02d:%02d:00 +0000", new String[] {"Mon", "Tue", "Wed"}[i % 3], 1 + i % 28, i % 24, i % 60))
          .append("</pubDate>\n<category><![CDATA[").append(word(r)).append("]]></category>\n<guid isPermaLink=\"false\">")
          .append(site).append("/?p=").append(1000 + i).append("</guid>\n<description>")
          .append(escape("<p>" + sentence(r, 40) + " &hellip; <a href=\"" + site + "/2026/11/post-" + i + "/\">Continue reading</a></p>"))
          .append("</description>\n<content:encoded><![CDATA[").append(html).append("]]></content:encoded>\n</item>\n");
    }
    return s.append("</channel>\n</rss>\n").toString();
  }

  private static String atom(Random r, String site, int items) {
    StringBuilder s = new StringBuilder(items * 7000);
    s.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">\n<title>")
        .append(sentence(r, 3)).append("</title>\n<link href=\"").append(site).append("/\"/>\n<link rel=\"self\" href=\"").append(site)
        .append("/atom.xml\"/>\n<updated>2026-12-01T09:30:00Z</updated>\n<id>").append(site).append("/</id>\n");
    for (int i = 0; i < items; i++) {
      s.append("<entry>\n<title type=\"html\">").append(escape(sentence(r, 5) + " &amp; more")).append("</title>\n<link href=\"")
          .append(site).append("/notes/").append(i).append("\"/>\n<id>tag:blog.example,2026:").append(i).append("</id>\n<published>")
          .append(String.format("2026-11-%02dT%02d:%02d:00+01:00", 1 + i % 28, i % 24, i % 60)).append("</published>\n<updated>")
          .append(String.format("2026-11-%02dT%02d:%02d:30Z", 1 + i % 28, i % 24, i % 60)).append("</updated>\n<author><name>")
          .append(sentence(r, 2)).append("</name></author>\n<category term=\"").append(word(r)).append("\"/>\n<content type=\"html\">")
          .append(escape(article(r, site))).append("</content>\n</entry>\n");
    }
    return s.append("</feed>\n").toString();
  }

  /** Two to six kilobytes of blog HTML. */
  private static String article(Random r, String site) {
    StringBuilder h = new StringBuilder(6000);
    int blocks = 6 + r.nextInt(10);
    for (int b = 0; b < blocks; b++) {
      switch (r.nextInt(12)) {
        case 0 -> h.append("<h2 id=\"s").append(b).append("\">").append(sentence(r, 4)).append("</h2>\n");
        case 1 -> h.append("<figure class=\"wp-block-image size-large\"><img loading=\"lazy\" width=\"1024\" height=\"683\" src=\"")
            .append("/wp-content/uploads/2026/11/photo-").append(r.nextInt(900)).append(".jpg\" srcset=\"").append(site)
            .append("/img-1024.jpg 1024w, ").append(site).append("/img-300.jpg 300w\" sizes=\"(max-width: 1024px) 100vw\" alt=\"")
            .append(sentence(r, 5)).append("\" class=\"wp-image-").append(r.nextInt(9000)).append("\"><figcaption>")
            .append(sentence(r, 8)).append(" &copy; ").append(word(r)).append("</figcaption></figure>\n");
        case 2 -> {
          String list = r.nextBoolean() ? "ul" : "ol";
          h.append('<').append(list).append('>');
          for (int i = 0, n = 2 + r.nextInt(5); i < n; i++) {
            h.append("<li>").append(sentence(r, 6)).append(i % 2 == 0 ? "" : " <em>" + word(r) + "</em>").append("</li>");
          }
          h.append("</").append(list).append(">\n");
        }
        case 3 -> h.append("<pre class=\"wp-block-code\"><code lang=\"java\">if (a &lt; b &amp;&amp; list.size() &gt; 0) {\n  ")
            .append("return map.get(&quot;").append(word(r)).append("&quot;);\n}\n</code></pre>\n");
        case 4 -> h.append("<blockquote class=\"wp-block-quote\"><p>").append(sentence(r, 20)).append("</p><cite>")
            .append(sentence(r, 2)).append("</cite></blockquote>\n");
        case 5 -> h.append(switch (r.nextInt(4)) {
          case 0 -> "<script async src=\"https://platform.twitter.example/widgets.js\" charset=\"utf-8\"></script>\n";
          case 1 -> "<iframe width=\"560\" height=\"315\" src=\"https://www.youtube.example/embed/x\" frameborder=\"0\" allowfullscreen></iframe>\n";
          case 2 -> "<p style=\"text-align:center;color:#555\" onclick=\"track(this)\">" + sentence(r, 12) + "</p>\n";
          default -> "<div class=\"sharedaddy\"><style>.share{display:none}</style><a href=\"javascript:share()\">Share</a></div>\n";
        });
        default -> paragraph(r, site, h);
      }
    }
    return h.toString();
  }

  private static void paragraph(Random r, String site, StringBuilder h) {
    h.append("<p>");
    for (int i = 0, n = 2 + r.nextInt(5); i < n; i++) {
      h.append(sentence(r, 8 + r.nextInt(14)));
      switch (r.nextInt(8)) {
        case 0 -> h.append(" <a href=\"").append(site).append("/2026/10/").append(word(r)).append("/?utm_source=rss&amp;utm_medium=feed\">")
            .append(word(r)).append(' ').append(word(r)).append("</a>");
        case 1 -> h.append(" <a href=\"/tag/").append(word(r)).append("\" rel=\"tag\" target=\"_blank\">#").append(word(r)).append("</a>");
        case 2 -> h.append(" &mdash; it&rsquo;s ").append(word(r)).append("&nbsp;").append(r.nextInt(100)).append("&#8217;s");
        case 3 -> h.append(" <strong>").append(word(r)).append("</strong> and <code>").append(word(r)).append("()</code>");
        case 4 -> h.append(" Caf\u00e9 na\u00efve \u2014 \u201cquoted\u201d\u2026");
        default -> {
        }
      }
      h.append(' ');
    }
    h.append("</p>\n");
  }

  private static String sentence(Random r, int words) {
    StringBuilder s = new StringBuilder(words * 7);
    for (int i = 0; i < words; i++) {
      String w = word(r);
      s.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w).append(i == words - 1 ? "." : " ");
    }
    return s.toString();
  }

  private static String word(Random r) {
    return WORDS[r.nextInt(WORDS.length)];
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
