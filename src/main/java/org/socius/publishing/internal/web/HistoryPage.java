package org.socius.publishing.internal.web;

import java.util.List;

/** Published posts newest first, and the deliveries that wait for a decision. */
public record HistoryPage(List<Item> published, List<Item> attention, boolean canEdit) {

  /**
   * @param reason why it needs attention, in words (the network's answer, or what the state means)
   * @param decidable whether Retry and Drop apply (failed or missed; an unknown one settles itself)
   */
  public record Item(String deliveryId, String when, String iso, String channel, String network, String state, String kind,
      String text, String remoteUrl, String reason, boolean decidable) {}
}
