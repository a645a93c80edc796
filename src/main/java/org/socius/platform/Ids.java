package org.socius.platform;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered identifiers (UUID version 7, RFC 9562) as text. Their lexical order follows
 * creation order within this process — also within one millisecond, where the 12 bits after the
 * timestamp count up (RFC 9562, method 1) — so a cursor can be the last id seen; clients must
 * treat them as opaque.
 */
public final class Ids {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static long lastMillis;
  private static long counter;

  private Ids() {}

  public static String newId() {
    long millis;
    long seq;
    synchronized (Ids.class) {
      long now = System.currentTimeMillis();
      if (now > lastMillis) {
        lastMillis = now;
        counter = RANDOM.nextInt(1 << 10); // a random start, with room to count up
      } else if (++counter >= (1 << 12)) {
        lastMillis++; // more than the counter holds in one millisecond: borrow the next one
        counter = 0;
      }
      millis = lastMillis;
      seq = counter;
    }
    long msb = (millis << 16) | (0x7L << 12) | seq;
    long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }

  /** A random secret of 32 bytes in URL-safe base64 with a readable prefix, e.g. for tokens. */
  public static String newSecret(String prefix) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return prefix + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
