package org.socius.publishing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.socius.networks.Channel;
import org.socius.networks.Channels;
import org.socius.publishing.PostKind;
import org.socius.team.Member;
import org.socius.team.Workspaces;
import org.springframework.stereotype.Service;

/**
 * What the queue page shows: per channel the coming posts and the empty slots between them, its
 * pause state, and the share/own balance of the next 7 days against the workspace's limit.
 */
@org.springframework.modulith.NamedInterface("commands")
@Service
public class QueueOverview {

  public static final Duration WEEK = Duration.ofDays(7);

  /** One line of a channel's queue: a post, or an empty slot when {@code delivery} is null. */
  public record Line(Instant at, DeliveryView delivery) {}

  public record ChannelQueue(Channel channel, boolean paused, boolean hasSlots, List<Line> lines) {}

  /**
   * @param ownPercent own posts among the next 7 days' posts (0 when there are none)
   * @param tooMuchOwn whether that is over the workspace's limit
   */
  public record Balance(int share, int own, int ownPercent, int limitPercent, boolean tooMuchOwn) {}

  public record Overview(List<ChannelQueue> channels, Balance balance) {}

  private final Channels channels;
  private final PostStore posts;
  private final QueueStore queues;
  private final SettingsStore settings;
  private final Workspaces workspaces;
  private final Clock clock;

  QueueOverview(Channels channels, PostStore posts, QueueStore queues, SettingsStore settings, Workspaces workspaces, Clock clock) {
    this.channels = channels;
    this.posts = posts;
    this.queues = queues;
    this.settings = settings;
    this.workspaces = workspaces;
    this.clock = clock;
  }

  public Overview of(Member member, String channelId) {
    Instant now = clock.instant();
    Instant until = now.plus(WEEK);
    ZoneId zone = workspaces.find(member.workspaceId()).orElseThrow().timeZone();
    var paused = queues.pausedIn(member.workspaceId());
    List<DeliveryView> week = posts.between(member.workspaceId(), null, now.minus(Duration.ofHours(1)), until.plus(Duration.ofDays(358)));
    Map<String, List<DeliveryView>> byChannel = week.stream()
        .filter(d -> d.state() != DeliveryState.PUBLISHED && d.state() != DeliveryState.FAILED && d.state() != DeliveryState.MISSED)
        .collect(Collectors.groupingBy(DeliveryView::channelId));
    List<ChannelQueue> result = new ArrayList<>();
    for (Channel c : channels.of(member.workspaceId())) {
      if (c.status() == Channel.Status.DISCONNECTED || (channelId != null && !channelId.equals(c.id()))) {
        continue;
      }
      List<Line> lines = new ArrayList<>();
      List<DeliveryView> mine = byChannel.getOrDefault(c.id(), List.of());
      mine.forEach(d -> lines.add(new Line(d.dueAt(), d)));
      var takenAt = mine.stream().map(DeliveryView::dueAt).collect(Collectors.toSet());
      var slots = queues.slots(c.id());
      for (Instant slot : PostingSchedule.upcoming(slots, zone, now, until)) {
        if (!takenAt.contains(slot)) {
          lines.add(new Line(slot, null));
        }
      }
      lines.sort(Comparator.comparing(Line::at));
      result.add(new ChannelQueue(c, paused.contains(c.id()), !slots.isEmpty(), lines));
    }
    return new Overview(result, balance(member.workspaceId(), week.stream().filter(d -> d.dueAt().isBefore(until)).toList()));
  }

  private Balance balance(String workspaceId, List<DeliveryView> week) {
    Map<PostKind, Long> counts = week.stream()
        .filter(d -> d.state() == DeliveryState.SCHEDULED || d.state() == DeliveryState.PUBLISHING)
        .collect(Collectors.groupingBy(DeliveryView::kind, Collectors.counting()));
    int share = counts.getOrDefault(PostKind.SHARE, 0L).intValue();
    int own = counts.getOrDefault(PostKind.OWN, 0L).intValue();
    int percent = share + own == 0 ? 0 : Math.round(100f * own / (share + own));
    int limit = settings.of(workspaceId).ownLimitPercent();
    return new Balance(share, own, percent, limit, percent > limit);
  }
}
