package org.socius.platform.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Suggestions for free-text fields that take a standard name (time zones, language tags). */
public final class Choices {

  private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
      .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).sorted().toList();

  private static final List<String> LOCALES = Stream.of(Locale.getAvailableLocales())
      .filter(l -> !l.getLanguage().isEmpty() && l.getVariant().isEmpty() && l.getScript().isEmpty())
      .map(Locale::toLanguageTag).distinct().sorted().toList();

  private Choices() {}

  public static List<String> timeZones() {
    return ZONES;
  }

  public static List<String> locales() {
    return LOCALES;
  }
}
