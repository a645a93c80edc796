package org.socius.platform;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Tells an image's type from its first bytes rather than from what a browser or client claims, so
 * that nothing else is stored, served or sent on as an image.
 */
public final class ImageTypes {

  public static final String PNG = "image/png";
  public static final String JPEG = "image/jpeg";
  public static final String GIF = "image/gif";
  public static final String WEBP = "image/webp";

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte[] JPEG_START = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] GIF87 = ascii("GIF87a");
  private static final byte[] GIF89 = ascii("GIF89a");
  private static final byte[] RIFF = ascii("RIFF");
  private static final byte[] WEBP_FORM = ascii("WEBP");

  private ImageTypes() {}

  /** The media type of a PNG, JPEG, GIF or WebP image, or empty for anything else. */
  public static Optional<String> sniff(byte[] b) {
    if (b == null) {
      return Optional.empty();
    }
    if (startsWith(b, 0, PNG_SIGNATURE)) {
      return Optional.of(PNG);
    }
    if (startsWith(b, 0, JPEG_START)) {
      return Optional.of(JPEG);
    }
    if (startsWith(b, 0, GIF87) || startsWith(b, 0, GIF89)) {
      return Optional.of(GIF);
    }
    if (startsWith(b, 0, RIFF) && startsWith(b, 8, WEBP_FORM)) {
      return Optional.of(WEBP);
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] b, int at, byte[] prefix) {
    if (b.length < at + prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (b[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
