package org.socius.team;

import java.time.ZoneId;
import java.util.Locale;

/** A workspace: one brand or one person, with its time zone (for slots and routines) and locale. */
public record Workspace(
    String id, String slug, String name, Kind kind, ZoneId timeZone, Locale locale, boolean publicPage) {

  public enum Kind {
    BRAND,
    PERSON
  }
}
