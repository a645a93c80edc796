package org.socius.publishing.internal;

import java.util.List;
import java.util.TreeSet;
import org.socius.platform.DomainException;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An editor sets a channel's weekly posting slots. Posts already queued keep their times; new
 * posts go into the new slots.
 */
@Service
public class SetPostingSlots {

  static final int MAX_SLOTS = 7 * 48;

  private final ChannelAccess channels;
  private final QueueStore queues;

  SetPostingSlots(ChannelAccess channels, QueueStore queues) {
    this.channels = channels;
    this.queues = queues;
  }

  @Transactional
  public List<PostingSchedule.Slot> set(Member member, String channelId, List<PostingSchedule.Slot> slots) {
    member.require(Role.EDITOR);
    channels.of(member, channelId);
    var unique = new TreeSet<PostingSchedule.Slot>(java.util.Comparator.comparing(PostingSchedule.Slot::day)
        .thenComparing(PostingSchedule.Slot::time));
    unique.addAll(slots);
    if (unique.size() > MAX_SLOTS) {
      throw new DomainException.Invalid("slots", "problem.too-many-slots", MAX_SLOTS);
    }
    queues.replaceSlots(channelId, List.copyOf(unique));
    return queues.slots(channelId);
  }

  public List<PostingSchedule.Slot> of(Member member, String channelId) {
    channels.of(member, channelId);
    return queues.slots(channelId);
  }
}
