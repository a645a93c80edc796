package org.socius.inbox.internal.live;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

/**
 * A member's notification choices in one workspace.
 *
 * @param onScreen show browser notifications (the browser's own permission is asked for as well)
 * @param kinds what to be notified of on screen
 * @param quiet quiet hours, or null
 * @param timeZone the zone of the quiet hours and the digest hour, or null for the workspace's
 * @param digestHour the local hour (0–23) from which the daily digest goes out
 */
public record NotificationSettings(String memberId, String workspaceId, boolean onScreen, Set<NotificationKind> kinds,
    QuietHours quiet, ZoneId timeZone, boolean digest, int digestHour) {

  public static final int DEFAULT_DIGEST_HOUR = 8;

  public NotificationSettings {
    kinds = kinds.isEmpty() ? EnumSet.noneOf(NotificationKind.class) : EnumSet.copyOf(kinds);
  }

  /** What a member has before choosing: everything on screen, no quiet hours, no digest. */
  public static NotificationSettings defaults(String memberId, String workspaceId) {
    return new NotificationSettings(memberId, workspaceId, true, EnumSet.allOf(NotificationKind.class), null, null, false,
        DEFAULT_DIGEST_HOUR);
  }

  public boolean wants(NotificationKind kind) {
    return kinds.contains(kind);
  }

  /** The zone the member's hours are in. */
  public ZoneId zone(ZoneId workspaceZone) {
    return timeZone != null ? timeZone : workspaceZone;
  }

  /** Hours of the day without on-screen notifications; the end is exclusive and may be past midnight. */
  public record QuietHours(LocalTime start, LocalTime end) {}
}
