package org.socius.publishing.internal;

import java.util.Locale;

/**
 * The durable state of one post on one channel. {@code PUBLISHING} and {@code UNKNOWN} may
 * already be on the network; the retry with the same idempotency key settles them.
 */
@org.springframework.modulith.NamedInterface("commands")
public enum DeliveryState {
  WAITING,
  SCHEDULED,
  PUBLISHING,
  PUBLISHED,
  FAILED,
  UNKNOWN,
  MISSED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  static DeliveryState of(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }

  /** Still to be sent (or settled) by the delivery task. */
  public boolean open() {
    return this == SCHEDULED || this == PUBLISHING || this == UNKNOWN;
  }
}
