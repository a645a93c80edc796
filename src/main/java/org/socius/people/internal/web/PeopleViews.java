package org.socius.people.internal.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.stream.Collectors;
import org.socius.people.Identity;
import org.socius.people.Person;
import org.socius.team.Member;
import org.socius.team.MemberProfile;
import org.socius.team.Workspaces;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** What the people pages share: times in the workspace's zone, names of accounts and members, safe links. */
@Component
class PeopleViews {

  private final Workspaces workspaces;

  PeopleViews(Workspaces workspaces) {
    this.workspaces = workspaces;
  }

  ZoneId zone(Member member) {
    return workspaces.find(member.workspaceId()).map(w -> w.timeZone()).orElse(ZoneId.of("UTC"));
  }

  /** "7 Dec 2026, 08:15" in the workspace's zone and the reader's language; "" for none. */
  static String when(ZoneId zone, Instant at) {
    Locale locale = LocaleContextHolder.getLocale();
    return at == null ? "" : at.atZone(zone).format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(locale));
  }

  static String iso(ZoneId zone, Instant at) {
    return at == null ? "" : at.atZone(zone).toOffsetDateTime().toString();
  }

  static String accounts(Person p) {
    return p.identities().stream().map(Identity::handle).collect(Collectors.joining(", "));
  }

  String memberName(Member member, String memberId) {
    return memberId == null ? "" : workspaces.profile(member.workspaceId(), memberId).map(MemberProfile::displayName).orElse("—");
  }

  /** A link from an untrusted source, kept only when it is http(s). */
  static String safeUrl(String url) {
    if (url == null) {
      return "";
    }
    String u = url.strip().toLowerCase(Locale.ROOT);
    return u.startsWith("https://") || u.startsWith("http://") ? url.strip() : "";
  }
}
