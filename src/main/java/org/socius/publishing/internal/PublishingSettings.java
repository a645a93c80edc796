package org.socius.publishing.internal;

import java.util.List;

/**
 * A workspace's publishing rules.
 *
 * @param ownLimitPercent the queue warns when own posts are more than this share of the next 7 days
 * @param missedAfterMinutes a post this much later than its time (Socius was down) waits for a decision
 * @param ownDomains hosts whose links make a post "own"
 */
public record PublishingSettings(
    boolean approvalRequired,
    boolean altTextRequired,
    boolean signatureOnBrand,
    int ownLimitPercent,
    int missedAfterMinutes,
    List<String> ownDomains) {

  public static final PublishingSettings DEFAULTS = new PublishingSettings(false, true, false, 33, 60, List.of());
}
