package org.socius.feeds.internal.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.socius.feeds.internal.FeedSettings;
import org.socius.team.Member;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Feeds")
@SecurityRequirement(name = "token")
class FeedSettingsApi {

  private static final String SETTINGS = "/api/v1/workspaces/{workspaceId}/feeds/settings";

  private final FeedSettings settings;

  FeedSettingsApi(FeedSettings settings) {
    this.settings = settings;
  }

  /** @param images how the article view shows remote images: proxy (default), block or direct */
  record Settings(String images) {}

  @Operation(summary = "The workspace's feeds settings: images is proxy (through Socius, the default), block (a link instead) or direct")
  @GetMapping(SETTINGS)
  Settings get(Member member) {
    return new Settings(settings.images(member.workspaceId()).code());
  }

  @Operation(summary = "Change the feeds settings (owners only); the image setting applies at once, to items stored before too")
  @PutMapping(SETTINGS)
  Settings put(Member member, @RequestBody Settings body) {
    settings.changeImages(member, body.images());
    return get(member);
  }
}
