package org.socius.networks.internal.bluesky;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Record keys for posts, derived from the idempotency key: the same key always names the same
 * record, so a retry finds (or harmlessly rewrites) what the first attempt created. The result
 * has the TID syntax (13 characters of base32-sortable, top bit zero).
 */
final class Tids {

  private static final String S32 = "234567abcdefghijklmnopqrstuvwxyz";

  private Tids() {}

  static String forKey(String idempotencyKey, int part) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest((idempotencyKey + "#" + part).getBytes(StandardCharsets.UTF_8));
      long value = ByteBuffer.wrap(hash).getLong() & Long.MAX_VALUE;
      char[] out = new char[13];
      for (int i = 12; i >= 0; i--) {
        out[i] = S32.charAt((int) (value & 31));
        value >>>= 5;
      }
      return new String(out);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
