package org.socius.publishing.internal;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SettingsStore {

  private final JdbcClient jdbc;
  private final Clock clock;

  SettingsStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  PublishingSettings of(String workspaceId) {
    return jdbc.sql("""
        SELECT approval_required, alt_text_required, signature_on_brand, own_limit_percent, missed_after_minutes, own_domains
        FROM publishing_settings WHERE workspace_id = :ws""").param("ws", workspaceId)
        .query((rs, n) -> new PublishingSettings(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3), rs.getInt(4), rs.getInt(5),
            domains(rs.getString(6))))
        .optional().orElse(PublishingSettings.DEFAULTS);
  }

  void save(String workspaceId, PublishingSettings s) {
    int updated = jdbc.sql("""
        UPDATE publishing_settings SET approval_required = :a, alt_text_required = :alt, signature_on_brand = :sig,
          own_limit_percent = :own, missed_after_minutes = :missed, own_domains = :domains, updated_at = :now
        WHERE workspace_id = :ws""").paramSource(params(workspaceId, s)).update();
    if (updated == 0) {
      jdbc.sql("""
          INSERT INTO publishing_settings (workspace_id, approval_required, alt_text_required, signature_on_brand,
            own_limit_percent, missed_after_minutes, own_domains, updated_at)
          VALUES (:ws, :a, :alt, :sig, :own, :missed, :domains, :now)""").paramSource(params(workspaceId, s)).update();
    }
  }

  private java.util.Map<String, Object> params(String workspaceId, PublishingSettings s) {
    return java.util.Map.of("ws", workspaceId, "a", s.approvalRequired(), "alt", s.altTextRequired(), "sig", s.signatureOnBrand(),
        "own", s.ownLimitPercent(), "missed", s.missedAfterMinutes(), "domains", String.join(",", s.ownDomains()), "now",
        clock.millis());
  }

  private static List<String> domains(String text) {
    return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(String::strip).filter(d -> !d.isEmpty()).toList();
  }
}
