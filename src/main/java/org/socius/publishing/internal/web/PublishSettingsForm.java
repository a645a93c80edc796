package org.socius.publishing.internal.web;

import org.socius.publishing.internal.PublishingSettings;

/** The publishing settings form as shown: numbers as typed, so a refused value comes back as it was. */
public record PublishSettingsForm(boolean approvalRequired, boolean altTextRequired, boolean signatureOnBrand,
    String ownLimitPercent, String missedAfterMinutes, String ownDomains) {

  static PublishSettingsForm of(PublishingSettings s) {
    return new PublishSettingsForm(s.approvalRequired(), s.altTextRequired(), s.signatureOnBrand(),
        String.valueOf(s.ownLimitPercent()), String.valueOf(s.missedAfterMinutes()), String.join("\n", s.ownDomains()));
  }
}
