package org.socius.testing;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of multipart/form-data for a media upload: each part's name and its content as
 * UTF-8 text. Bytes are first read as ISO-8859-1, which maps each byte to one char, so binary
 * file parts split safely and text parts decode back exactly.
 */
final class Multipart {

  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern NAME = Pattern.compile("(?i)content-disposition:[^\\r\\n]*\\bname=\"([^\"]*)\"");

  private Multipart() {}

  /** Parts by name; an empty part is left out, so a missing file and an empty one look alike. */
  static Map<String, String> fields(byte[] body, String contentType) {
    Matcher b = BOUNDARY.matcher(contentType);
    Map<String, String> fields = new HashMap<>();
    if (!b.find()) {
      return fields;
    }
    String text = new String(body, StandardCharsets.ISO_8859_1);
    for (String part : text.split("--" + Pattern.quote(b.group(1)))) {
      int split = part.indexOf("\r\n\r\n");
      Matcher name = NAME.matcher(split < 0 ? "" : part.substring(0, split));
      if (!name.find()) {
        continue;
      }
      String value = part.substring(split + 4, Math.max(split + 4, part.length() - 2)); // the CRLF before the next boundary
      if (!value.isEmpty()) {
        fields.put(name.group(1), new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
      }
    }
    return fields;
  }
}
