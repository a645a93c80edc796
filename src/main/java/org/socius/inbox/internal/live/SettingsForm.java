package org.socius.inbox.internal.live;

import java.time.format.DateTimeFormatter;
import java.util.Set;

/** The notification settings page's fields as typed (times as HH:mm, blank for none). */
public record SettingsForm(boolean onScreen, Set<String> kinds, String quietFrom, String quietTo, String timeZone,
    boolean digest, String digestHour) {

  static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  public static SettingsForm of(NotificationSettings s) {
    return new SettingsForm(s.onScreen(), s.kinds().stream().map(NotificationKind::code).collect(java.util.stream.Collectors.toSet()),
        s.quiet() == null ? "" : s.quiet().start().format(HH_MM), s.quiet() == null ? "" : s.quiet().end().format(HH_MM),
        s.timeZone() == null ? "" : s.timeZone().getId(), s.digest(), Integer.toString(s.digestHour()));
  }

  public boolean wants(String kind) {
    return kinds.contains(kind);
  }
}
