package org.socius.platform;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Message texts from the bundles (as {@code spring.messages.basename} lists them) for code that runs outside a page (domain
 * errors, the CLI): the key's text in the given language, English when that language has none.
 */
public final class Messages {

  private static final ResourceBundle.Control NO_SYSTEM_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  /** Each capability with many texts keeps its own bundle; keep in step with application.properties. */
  private static final String[] BUNDLES = {"messages", "messages-inbox", "messages-feeds"};

  private Messages() {}

  /** The text for {@code key} with its arguments; a key not in the bundle is returned as it is. */
  public static String format(String key, Object[] args, Locale locale) {
    String pattern = null;
    for (String bundle : BUNDLES) {
      try {
        pattern = ResourceBundle.getBundle(bundle, locale, NO_SYSTEM_FALLBACK).getString(key);
        break;
      } catch (MissingResourceException e) {
        // not in this bundle
      }
    }
    if (pattern == null) {
      return key;
    }
    return args == null || args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }
}
