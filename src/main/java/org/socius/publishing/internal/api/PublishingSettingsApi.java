package org.socius.publishing.internal.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.socius.publishing.internal.PublishingSettings;
import org.socius.publishing.internal.UpdatePublishingSettings;
import org.socius.team.Member;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Queue and calendar")
@SecurityRequirement(name = "token")
class PublishingSettingsApi {

  private final UpdatePublishingSettings settings;

  PublishingSettingsApi(UpdatePublishingSettings settings) {
    this.settings = settings;
  }

  @Operation(summary = "The workspace's publishing rules")
  @GetMapping("/api/v1/workspaces/{workspaceId}/publishing-settings")
  PublishingSettings get(Member member) {
    return settings.current(member);
  }

  @Operation(summary = "Change the publishing rules (owners); fields left out stay as they are")
  @PatchMapping("/api/v1/workspaces/{workspaceId}/publishing-settings")
  PublishingSettings update(Member member, @RequestBody UpdatePublishingSettings.Form form) {
    return settings.update(member, form);
  }
}
