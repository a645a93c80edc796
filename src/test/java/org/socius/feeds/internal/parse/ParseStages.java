package org.socius.feeds.internal.parse;

/** The parser's stages one at a time, for the parse benchmark (org.socius.bench.FeedParseBenchmark). */
public final class ParseStages {

  private ParseStages() {}

  /** The whole pipeline except sanitising: item HTML comes back as the feed had it. */
  public static ParsedFeed parseWithoutSanitising(byte[] body, String address) {
    return FeedParser.parse(body, null, address, false);
  }
}
