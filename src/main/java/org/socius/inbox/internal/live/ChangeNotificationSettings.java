package org.socius.inbox.internal.live;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import org.socius.platform.DomainException;
import org.socius.team.Member;
import org.springframework.stereotype.Service;

/**
 * A member changes their own notification choices in a workspace (every role may: they only
 * concern the member). A refused field changes nothing; its message key is
 * {@code notifications.problem.<field>}.
 */
@Service
public class ChangeNotificationSettings {

  private final NotificationSettingsStore store;
  private final Clock clock;

  ChangeNotificationSettings(NotificationSettingsStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public NotificationSettings change(Member member, SettingsForm form) {
    EnumSet<NotificationKind> kinds = EnumSet.noneOf(NotificationKind.class);
    for (NotificationKind k : NotificationKind.values()) {
      if (form.kinds() != null && form.kinds().contains(k.code())) {
        kinds.add(k);
      }
    }
    LocalTime from = time("quietFrom", form.quietFrom());
    LocalTime to = time("quietTo", form.quietTo());
    if ((from == null) != (to == null)) {
      throw new DomainException.Invalid(from == null ? "quietFrom" : "quietTo", "notifications.problem.quietFrom");
    }
    ZoneId zone = zone(form.timeZone());
    int hour = hour(form.digestHour());
    NotificationSettings s = new NotificationSettings(member.memberId(), member.workspaceId(), form.onScreen(), kinds,
        from == null ? null : new NotificationSettings.QuietHours(from, to), zone, form.digest(), hour);
    store.save(s, clock.millis());
    return s;
  }

  private static LocalTime time(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalTime.parse(text.strip(), SettingsForm.HH_MM);
    } catch (DateTimeParseException e) {
      throw new DomainException.Invalid(field, "notifications.problem." + field);
    }
  }

  private static ZoneId zone(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return ZoneId.of(text.strip());
    } catch (DateTimeException e) {
      throw new DomainException.Invalid("timeZone", "notifications.problem.timeZone");
    }
  }

  private static int hour(String text) {
    try {
      int hour = Integer.parseInt(text == null ? "" : text.strip());
      if (hour >= 0 && hour <= 23) {
        return hour;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new DomainException.Invalid("digestHour", "notifications.problem.digestHour");
  }
}
