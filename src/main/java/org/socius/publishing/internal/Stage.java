package org.socius.publishing.internal;

import java.util.Locale;

/** Where a post is in its making: being written, waiting for an owner, sent back, or ready to go. */
@org.springframework.modulith.NamedInterface("commands")
public enum Stage {
  DRAFT,
  PENDING,
  RETURNED,
  READY;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Stage of(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
