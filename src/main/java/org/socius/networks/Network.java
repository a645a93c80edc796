package org.socius.networks;

import java.util.Locale;

/** The networks Socius speaks to. */
public enum Network {
  MASTODON,
  BLUESKY;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Network parse(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
