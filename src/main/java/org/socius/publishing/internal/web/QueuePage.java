package org.socius.publishing.internal.web;

import java.util.List;
import org.socius.networks.Channel;
import org.socius.publishing.internal.DeliveryView;
import org.socius.publishing.internal.QueueOverview;

/**
 * The queue page: per channel its coming posts and empty slots grouped by day, and the share/own
 * balance of the next 7 days.
 *
 * @param filter the channel shown alone, or null for all
 */
public record QueuePage(List<Block> blocks, QueueOverview.Balance balance, List<Channel> channels, String filter,
    boolean canEdit) {

  public record Block(Channel channel, boolean paused, boolean hasSlots, List<Day> days) {}

  public record Day(String label, List<Line> lines) {}

  /**
   * A post ({@code delivery} set) or an empty slot ({@code fill} links to the composer for it).
   *
   * @param first whether it is the first queued post of its channel (it cannot move earlier)
   */
  public record Line(String time, String iso, DeliveryView delivery, String text, String fill, boolean first, boolean last) {}
}
