package org.socius.feeds.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a shared page says about itself: title by OpenGraph, Twitter card, then {@code <title>}; site name; author profiles. */
class PageMetaTest {

  static final String URL = "https://www.blog.example/posts/1";

  @Test
  void openGraphComesFirst() {
    PageMeta m = PageMeta.of("""
        <html><head><title>Title tag</title>
        <meta name="twitter:title" content="Twitter title">
        <meta property="og:title" content="  OpenGraph
           title ">
        <meta property="og:site_name" content="The Blog"></head></html>""", URL);
    assertThat(m.title()).isEqualTo("OpenGraph title");
    assertThat(m.siteName()).isEqualTo("The Blog");
    assertThat(m.creator()).isNull();
    assertThat(m.me()).isEmpty();
  }

  @Test
  void twitterCardThenTitleTag() {
    assertThat(PageMeta.of("<head><title>T</title><meta name=\"twitter:title\" content=\"Card\"></head>", URL).title())
        .isEqualTo("Card");
    assertThat(PageMeta.of("<head><title> Just &amp; the tag </title><meta property=\"og:title\" content=\"\"></head>", URL)
        .title()).isEqualTo("Just & the tag");
    assertThat(PageMeta.of("<p>no head at all</p>", URL).title()).isNull();
    assertThat(PageMeta.of("<title>" + "x".repeat(1000) + "</title>", URL).title()).hasSize(PageMeta.MAX_TEXT);
  }

  @Test
  void relMeLinksAreMadeAbsoluteInPageOrder() {
    PageMeta m = PageMeta.of("""
        <head><link rel="me" href="https://social.example/@ann"><link rel="stylesheet" href="/s.css"></head>
        <body><a rel="noopener me" href="https://bsky.app/profile/ann.example">Bluesky</a>
        <a rel="me" href="/about">About</a><a rel="me" href="javascript:alert(1)">x</a></body>""", URL);
    assertThat(m.me()).containsExactly("https://social.example/@ann", "https://bsky.app/profile/ann.example",
        "https://www.blog.example/about");
  }

  @Test
  void fediverseCreatorIsTakenAsAHandleOnlyWhenItIsOne() {
    assertThat(PageMeta.of("<meta name=\"fediverse:creator\" content=\"@ann@social.example\">", URL).creator())
        .isEqualTo("@ann@social.example");
    assertThat(PageMeta.of("<meta name=\"fediverse:creator\" content=\"ann@social.example\">", URL).creator())
        .isEqualTo("@ann@social.example");
    assertThat(PageMeta.of("<meta name=\"fediverse:creator\" content=\"<script>x</script>\">", URL).creator()).isNull();
  }

  @Test
  void hostWithoutWwwIsTheLastResortName() {
    assertThat(PageMeta.host(URL)).isEqualTo("blog.example");
    assertThat(PageMeta.host("not a url")).isEmpty();
  }
}
