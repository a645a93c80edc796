package org.socius.publishing.internal.web;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.socius.networks.Channel;
import org.socius.networks.Channels;
import org.socius.team.Member;
import org.socius.team.MemberProfile;
import org.socius.team.Workspaces;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** What every publishing page looks up: the workspace's times, its channels, and who wrote what. */
@Component
class PublishPages {

  private final Workspaces workspaces;
  private final Channels channels;
  private final Clock clock;

  PublishPages(Workspaces workspaces, Channels channels, Clock clock) {
    this.workspaces = workspaces;
    this.channels = channels;
    this.clock = clock;
  }

  Times times(Member member) {
    return new Times(workspaces.find(member.workspaceId()).orElseThrow().timeZone(), LocaleContextHolder.getLocale());
  }

  Instant now() {
    return clock.instant();
  }

  /** The channels one can post to: every channel that is not disconnected. */
  List<Channel> live(Member member) {
    return channels.of(member.workspaceId()).stream().filter(c -> c.status() != Channel.Status.DISCONNECTED).toList();
  }

  /** All channels by id, disconnected ones too, for naming the channel of an old post. */
  Map<String, Channel> byId(Member member) {
    Map<String, Channel> map = new LinkedHashMap<>();
    channels.of(member.workspaceId()).forEach(c -> map.put(c.id(), c));
    return map;
  }

  /** Member names by id, for authors and notes. */
  Map<String, String> names(Member member, java.util.Collection<String> memberIds) {
    Map<String, String> names = new LinkedHashMap<>();
    for (String id : memberIds) {
      names.computeIfAbsent(id, k -> workspaces.profile(member.workspaceId(), k).map(MemberProfile::displayName).orElse("—"));
    }
    return names;
  }

  /** Where a form sends the reader back to: a publishing page of this workspace, else the queue. */
  static String back(Member member, String back) {
    String base = "/w/" + member.workspaceSlug() + "/publish";
    if (back != null && (back.equals(base) || back.startsWith(base + "/") || back.startsWith(base + "?"))
        && !back.contains("//") && !back.contains("\\") && back.chars().noneMatch(Character::isISOControl)) {
      return back;
    }
    return base;
  }
}
