package org.socius.feeds.internal.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.socius.feeds.internal.ImagePolicy;

/**
 * The images of an item's (already sanitised) HTML as the workspace's policy wants them, applied
 * when the article is shown, so that changing the policy applies to items stored before:
 * proxied through Socius's signed address, or replaced by a link to the image, or left alone.
 */
final class ArticleImages {

  private ArticleImages() {}

  /**
   * @param sign the signature of an image address
   * @param label the words of a blocked image's link, from its alt text or else its host
   */
  static String apply(String html, ImagePolicy policy, String slug, Function<String, String> sign,
      BiFunction<String, String, String> label) {
    if (html == null || policy == ImagePolicy.DIRECT || !html.contains("<img")) {
      return html;
    }
    Document doc = Jsoup.parseBodyFragment(html);
    doc.outputSettings().prettyPrint(false);
    for (Element img : doc.select("img")) {
      String src = img.attr("src").strip();
      if (!web(src)) {
        img.remove();
      } else if (policy == ImagePolicy.PROXY) {
        img.attr("src", "/w/" + slug + "/feeds/image?u=" + enc(src) + "&s=" + sign.apply(src));
      } else {
        String words = label.apply(img.attr("alt").strip(), host(src));
        // a link inside a link is not HTML: within one, the image leaves its words only
        Element replacement = img.closest("a") != null ? new Element("span").text(words)
            : new Element("a").attr("href", src).attr("rel", "noopener noreferrer").attr("target", "_blank").text(words);
        img.replaceWith(replacement.addClass("blocked-image"));
      }
    }
    return doc.body().html();
  }

  private static boolean web(String src) {
    String s = src.toLowerCase(Locale.ROOT);
    return s.startsWith("https://") || s.startsWith("http://");
  }

  private static String host(String src) {
    try {
      String h = URI.create(src).getHost();
      return h == null ? src : h;
    } catch (IllegalArgumentException e) {
      return src;
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
