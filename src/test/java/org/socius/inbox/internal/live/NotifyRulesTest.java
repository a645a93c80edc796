package org.socius.inbox.internal.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whether an event shows on screen: the member's switch, their kinds, and quiet hours in their zone. */
class NotifyRulesTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  static NotificationSettings quiet(String from, String to, ZoneId zone) {
    return new NotificationSettings("m", "w", true, EnumSet.allOf(NotificationKind.class),
        new NotificationSettings.QuietHours(LocalTime.parse(from), LocalTime.parse(to)), zone, false, 8);
  }

  @ParameterizedTest(name = "{0}–{1} at {2}: quiet {3}")
  @CsvSource({
      // within a day: start inclusive, end exclusive
      "09:00, 17:00, 08:59, false",
      "09:00, 17:00, 09:00, true",
      "09:00, 17:00, 16:59, true",
      "09:00, 17:00, 17:00, false",
      // across midnight
      "22:00, 07:00, 21:59, false",
      "22:00, 07:00, 22:00, true",
      "22:00, 07:00, 23:59, true",
      "22:00, 07:00, 00:00, true",
      "22:00, 07:00, 06:59, true",
      "22:00, 07:00, 07:00, false",
      "22:00, 07:00, 12:00, false",
      // the same time twice means none
      "08:00, 08:00, 08:00, false",
      "00:00, 00:00, 12:00, false",
  })
  void quietHours(String from, String to, String at, boolean quiet) {
    var hours = new NotificationSettings.QuietHours(LocalTime.parse(from), LocalTime.parse(to));
    assertThat(NotifyRules.quiet(hours, LocalTime.parse(at))).isEqualTo(quiet);
  }

  @Test
  void quietHoursAreWallClockTimesAcrossDaylightSavingChanges() {
    var s = quiet("22:00", "07:00", BERLIN);
    // 05:30 UTC is 06:30 in a Berlin winter (quiet) but 07:30 in summer (awake)
    assertThat(NotifyRules.notify(s, NotificationKind.MENTION, Instant.parse("2026-01-15T05:30:00Z"), BERLIN)).isFalse();
    assertThat(NotifyRules.notify(s, NotificationKind.MENTION, Instant.parse("2026-07-15T05:30:00Z"), BERLIN)).isTrue();
    // the night the clocks go forward (29 March 2026, 02:00 → 03:00): 06:30 local is 04:30 UTC and still quiet, 07:00 is 05:00 UTC
    assertThat(NotifyRules.notify(s, NotificationKind.MENTION, Instant.parse("2026-03-29T04:30:00Z"), BERLIN)).isFalse();
    assertThat(NotifyRules.notify(s, NotificationKind.MENTION, Instant.parse("2026-03-29T05:00:00Z"), BERLIN)).isTrue();
    // the night the clocks go back (25 October 2026, 03:00 → 02:00): 22:00 starts at 21:00 UTC the day before; 07:00 is 06:00 UTC
    assertThat(NotifyRules.notify(s, NotificationKind.MENTION, Instant.parse("2026-10-24T19:59:00Z"), BERLIN)).isTrue();
    assertThat(NotifyRules.notify(s, NotificationKind.MENTION, Instant.parse("2026-10-24T20:00:00Z"), BERLIN)).isFalse();
    assertThat(NotifyRules.notify(s, NotificationKind.MENTION, Instant.parse("2026-10-25T05:59:00Z"), BERLIN)).isFalse();
    assertThat(NotifyRules.notify(s, NotificationKind.MENTION, Instant.parse("2026-10-25T06:00:00Z"), BERLIN)).isTrue();
  }

  @Test
  void quietHoursThatBeginInTheHourThatDoesNotExist() {
    // 02:30–03:30 on the night Berlin skips 02:00–03:00: from 03:00 local (01:00 UTC) until 03:30 it is quiet
    var s = quiet("02:30", "03:30", BERLIN);
    assertThat(NotifyRules.notify(s, NotificationKind.REPLY, Instant.parse("2026-03-29T00:59:00Z"), BERLIN)).isTrue();
    assertThat(NotifyRules.notify(s, NotificationKind.REPLY, Instant.parse("2026-03-29T01:00:00Z"), BERLIN)).isFalse();
    assertThat(NotifyRules.notify(s, NotificationKind.REPLY, Instant.parse("2026-03-29T01:30:00Z"), BERLIN)).isTrue();
  }

  @Test
  void theMembersOwnZoneWinsOverTheWorkspaces() {
    // 12:00 UTC: 13:00 in Berlin (workspace), 07:00 or 08:00 in New York (member)
    var member = quiet("06:00", "09:00", NEW_YORK);
    assertThat(NotifyRules.notify(member, NotificationKind.MENTION, Instant.parse("2026-01-15T12:00:00Z"), BERLIN)).isFalse();
    var workspace = quiet("06:00", "09:00", null);
    assertThat(NotifyRules.notify(workspace, NotificationKind.MENTION, Instant.parse("2026-01-15T12:00:00Z"), BERLIN)).isTrue();
    assertThat(NotifyRules.notify(workspace, NotificationKind.MENTION, Instant.parse("2026-01-15T06:00:00Z"), BERLIN)).isFalse();
  }

  @Test
  void onlyTheKindsChosenAndOnlyWhenOnScreenIsOn() {
    var some = new NotificationSettings("m", "w", true, EnumSet.of(NotificationKind.DIRECT_MESSAGE, NotificationKind.ASSIGNED), null,
        null, false, 8);
    Instant noon = Instant.parse("2026-01-15T12:00:00Z");
    assertThat(NotifyRules.notify(some, NotificationKind.DIRECT_MESSAGE, noon, BERLIN)).isTrue();
    assertThat(NotifyRules.notify(some, NotificationKind.ASSIGNED, noon, BERLIN)).isTrue();
    assertThat(NotifyRules.notify(some, NotificationKind.MENTION, noon, BERLIN)).isFalse();
    assertThat(NotifyRules.notify(some, NotificationKind.NEW_FOLLOWER, noon, BERLIN)).isFalse();
    var off = new NotificationSettings("m", "w", false, EnumSet.allOf(NotificationKind.class), null, null, false, 8);
    assertThat(NotifyRules.notify(off, NotificationKind.DIRECT_MESSAGE, noon, BERLIN)).isFalse();
    assertThat(NotifyRules.notify(NotificationSettings.defaults("m", "w"), NotificationKind.NEW_FOLLOWER, noon, BERLIN)).isTrue();
  }
}
