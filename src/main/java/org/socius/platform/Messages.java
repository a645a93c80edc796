package org.socius.platform;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Message texts from the bundle {@code messages} for code that runs outside a page (domain
 * errors, the CLI): the key's text in the given language, English when that language has none.
 */
public final class Messages {

  private static final ResourceBundle.Control NO_SYSTEM_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private Messages() {}

  /** The text for {@code key} with its arguments; a key not in the bundle is returned as it is. */
  public static String format(String key, Object[] args, Locale locale) {
    String pattern;
    try {
      pattern = ResourceBundle.getBundle("messages", locale, NO_SYSTEM_FALLBACK).getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
    return args == null || args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }
}
