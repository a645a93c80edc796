package org.socius.inbox.internal.live;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import org.socius.team.Member;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own notification settings in a workspace, as on the Notifications page. */
@RestController
@Tag(name = "Inbox")
@SecurityRequirement(name = "token")
class NotificationSettingsApi {

  static final String PATH = "/api/v1/workspaces/{workspaceId}/notification-settings";

  /**
   * @param kinds of mention, reply, direct-message, new-follower, assigned
   * @param quietFrom HH:mm, or null for no quiet hours (then quietTo is null too)
   * @param timeZone null for the workspace's
   */
  record SettingsJson(boolean onScreen, List<String> kinds, String quietFrom, String quietTo, String timeZone, boolean digest,
      int digestHour) {

    static SettingsJson of(NotificationSettings s) {
      SettingsForm f = SettingsForm.of(s);
      return new SettingsJson(f.onScreen(), s.kinds().stream().map(NotificationKind::code).toList(), blankToNull(f.quietFrom()),
          blankToNull(f.quietTo()), blankToNull(f.timeZone()), f.digest(), s.digestHour());
    }

    private static String blankToNull(String s) {
      return s.isEmpty() ? null : s;
    }
  }

  private final NotificationSettingsStore store;
  private final ChangeNotificationSettings change;

  NotificationSettingsApi(NotificationSettingsStore store, ChangeNotificationSettings change) {
    this.store = store;
    this.change = change;
  }

  @Operation(summary = "Your notification settings: on screen, kinds, quiet hours, daily digest")
  @GetMapping(PATH)
  SettingsJson get(Member member) {
    return SettingsJson.of(store.of(member.workspaceId(), member.memberId()));
  }

  @Operation(summary = "Replace your notification settings")
  @PutMapping(PATH)
  SettingsJson put(Member member, @RequestBody SettingsJson body) {
    SettingsForm form = new SettingsForm(body.onScreen(), body.kinds() == null ? Set.of() : Set.copyOf(body.kinds()),
        body.quietFrom(), body.quietTo(), body.timeZone(), body.digest(), Integer.toString(body.digestHour()));
    return SettingsJson.of(change.change(member, form));
  }
}
