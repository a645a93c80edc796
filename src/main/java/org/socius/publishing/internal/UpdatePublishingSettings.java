package org.socius.publishing.internal;

import org.socius.platform.DomainException;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An owner sets the workspace's publishing rules. */
@Service
public class UpdatePublishingSettings {

  /** Absent (null) fields stay as they are. */
  public record Form(Boolean approvalRequired, Boolean altTextRequired, Boolean signatureOnBrand, Integer ownLimitPercent,
      Integer missedAfterMinutes, String ownDomains) {}

  private final SettingsStore settings;

  UpdatePublishingSettings(SettingsStore settings) {
    this.settings = settings;
  }

  public PublishingSettings current(Member member) {
    return settings.of(member.workspaceId());
  }

  @Transactional
  public PublishingSettings update(Member owner, Form form) {
    owner.require(Role.OWNER);
    PublishingSettings s = settings.of(owner.workspaceId());
    int limit = form.ownLimitPercent() == null ? s.ownLimitPercent() : form.ownLimitPercent();
    if (limit < 0 || limit > 100) {
      throw new DomainException.Invalid("ownLimitPercent", "problem.percent");
    }
    int missed = form.missedAfterMinutes() == null ? s.missedAfterMinutes() : form.missedAfterMinutes();
    if (missed < 1 || missed > 7 * 24 * 60) {
      throw new DomainException.Invalid("missedAfterMinutes", "problem.missed-window", 7 * 24 * 60);
    }
    var updated = new PublishingSettings(
        form.approvalRequired() == null ? s.approvalRequired() : form.approvalRequired(),
        form.altTextRequired() == null ? s.altTextRequired() : form.altTextRequired(),
        form.signatureOnBrand() == null ? s.signatureOnBrand() : form.signatureOnBrand(),
        limit, missed,
        form.ownDomains() == null ? s.ownDomains() : KindSuggestion.normaliseDomains(form.ownDomains()));
    settings.save(owner.workspaceId(), updated);
    return updated;
  }
}
