package org.socius.publishing.internal;

import java.util.Locale;

/** What the author asked for: the next free posting slot, a chosen time, or now. */
@org.springframework.modulith.NamedInterface("commands")
public enum Timing {
  QUEUE,
  AT,
  NOW;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Timing of(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
