package org.socius.inbox.internal.live;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Whether an event is shown on a member's screen: only when they want notifications on screen,
 * want this kind, and it is not within their quiet hours. Quiet hours are wall-clock times in the
 * member's zone (22:00–07:00 stays 22:00–07:00 across a daylight-saving change) and may run past
 * midnight; a start equal to the end means none.
 */
public final class NotifyRules {

  private NotifyRules() {}

  public static boolean notify(NotificationSettings settings, NotificationKind kind, Instant at, ZoneId workspaceZone) {
    return settings.onScreen() && settings.wants(kind) && !quiet(settings.quiet(), at.atZone(settings.zone(workspaceZone)).toLocalTime());
  }

  /** Whether a local time falls within quiet hours (start inclusive, end exclusive). */
  public static boolean quiet(NotificationSettings.QuietHours hours, LocalTime time) {
    if (hours == null || hours.start().equals(hours.end())) {
      return false;
    }
    if (hours.start().isBefore(hours.end())) {
      return !time.isBefore(hours.start()) && time.isBefore(hours.end());
    }
    return !time.isBefore(hours.start()) || time.isBefore(hours.end()); // across midnight
  }
}
