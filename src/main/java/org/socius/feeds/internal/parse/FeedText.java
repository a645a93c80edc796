package org.socius.feeds.internal.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the bytes of a document into text. The charset comes from, in this order: a byte order
 * mark, the XML declaration, the Content-Type header, else UTF-8. When the charset was only
 * assumed and the bytes are not UTF-8, they are read as Windows-1252 (every byte is a
 * character there, and it is what undeclared non-UTF-8 feeds use in practice); when UTF-8 was
 * declared but bytes are invalid, those bytes become U+FFFD and the rest is kept.
 */
public final class FeedText {

  private static final Pattern XML_ENCODING = Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
  private static final Pattern HEADER_CHARSET = Pattern.compile("charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private FeedText() {}

  public static String decode(byte[] body, String contentType) {
    if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
      return lenient(body, 3, StandardCharsets.UTF_8);
    }
    if (startsWith(body, 0xFE, 0xFF)) {
      return lenient(body, 2, StandardCharsets.UTF_16BE);
    }
    if (startsWith(body, 0xFF, 0xFE)) {
      return lenient(body, 2, StandardCharsets.UTF_16LE);
    }
    // the declaration is ASCII in every charset a feed uses, so reading the start as Latin-1 finds it
    String head = new String(body, 0, Math.min(body.length, 200), StandardCharsets.ISO_8859_1);
    Charset declared = charset(XML_ENCODING.matcher(head));
    if (declared == null && contentType != null) {
      declared = charset(HEADER_CHARSET.matcher(contentType));
    }
    if (declared != null) {
      return lenient(body, 0, declared);
    }
    String utf8 = new String(body, StandardCharsets.UTF_8); // the usual case, decoded by the JDK's fast path
    if (utf8.indexOf('\uFFFD') < 0) {
      return utf8; // no replacement character: the bytes were valid UTF-8
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      return new String(body, WINDOWS_1252);
    }
  }

  private static Charset charset(Matcher m) {
    if (!m.find()) {
      return null;
    }
    String name = m.group(1).toLowerCase(Locale.ROOT);
    if (name.equals("iso-8859-1") || name.equals("latin1") || name.equals("us-ascii")) {
      return WINDOWS_1252; // as browsers do: the C1 range is the Windows characters in practice
    }
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException e) {
      return null; // unknown or unsupported: fall back as if none was declared
    }
  }

  /** Malformed and unmappable bytes become the charset's replacement (U+FFFD), as String does. */
  private static String lenient(byte[] body, int offset, Charset charset) {
    return new String(body, offset, body.length - offset, charset);
  }

  private static boolean startsWith(byte[] body, int... prefix) {
    if (body.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((body[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
