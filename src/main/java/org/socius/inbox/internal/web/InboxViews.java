package org.socius.inbox.internal.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.socius.networks.Channel;
import org.socius.networks.Channels;
import org.socius.team.Member;
import org.socius.team.MemberProfile;
import org.socius.team.Role;
import org.socius.team.Workspaces;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** What the inbox pages share: times in the workspace's zone, names of channels and members, safe links. */
@Component
class InboxViews {

  private final Workspaces workspaces;
  private final Channels channels;

  InboxViews(Workspaces workspaces, Channels channels) {
    this.workspaces = workspaces;
    this.channels = channels;
  }

  ZoneId zone(Member member) {
    return workspaces.find(member.workspaceId()).map(w -> w.timeZone()).orElse(ZoneId.of("UTC"));
  }

  static String when(ZoneId zone, Instant at) {
    return at == null ? "" : at.atZone(zone).format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(LocaleContextHolder.getLocale()));
  }

  static String iso(ZoneId zone, Instant at) {
    return at == null ? "" : at.atZone(zone).toOffsetDateTime().toString();
  }

  /** Each channel's id and handle, as the filter offers them. */
  Map<String, String> channels(Member member) {
    Map<String, String> names = new LinkedHashMap<>();
    for (Channel c : channels.of(member.workspaceId())) {
      names.put(c.id(), c.handle() + " (" + c.network().code() + ")");
    }
    return names;
  }

  String memberName(Member member, String memberId) {
    return memberId == null ? "" : workspaces.profile(member.workspaceId(), memberId).map(MemberProfile::displayName).orElse("—");
  }

  /** Who a conversation can be given to: the members who can answer (editors and owners), and whoever has it now. */
  Map<String, String> assignees(Member member, String current) {
    Map<String, String> names = new LinkedHashMap<>();
    for (MemberProfile m : workspaces.members(member.workspaceId())) {
      if (m.role().atLeast(Role.EDITOR)) {
        names.put(m.memberId(), m.displayName());
      }
    }
    if (current != null) {
      names.putIfAbsent(current, memberName(member, current));
    }
    return names;
  }

  /** A link from an untrusted source, kept only when it is http(s). */
  static String safeUrl(String url) {
    if (url == null) {
      return "";
    }
    String u = url.strip().toLowerCase(Locale.ROOT);
    return u.startsWith("https://") || u.startsWith("http://") ? url.strip() : "";
  }

  static List<String> states() {
    return List.of("open", "waiting", "done", "all");
  }
}
