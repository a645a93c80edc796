package org.socius.networks.internal.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.socius.networks.Channel;
import org.socius.networks.EventType;
import org.socius.networks.NetworkEvent;
import org.socius.networks.internal.ChannelRegistry;
import org.socius.networks.internal.EventStore;
import org.socius.platform.Cursor;
import org.socius.platform.DomainException;
import org.socius.team.Member;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Channels and events")
@SecurityRequirement(name = "token")
class EventsApi {

  /** A channel without anything secret. */
  record ChannelJson(String id, String network, String handle, String displayName, String avatarUrl, String profileUrl,
      String status, String statusDetail, java.time.Instant rateLimitedUntil, java.time.Instant lastSyncAt, long followersImported,
      boolean importDone) {
    static ChannelJson of(Channel c) {
      return new ChannelJson(c.id(), c.network().code(), c.handle(), c.displayName(), c.avatarUrl(), c.profileUrl(),
          c.status().name().toLowerCase(Locale.ROOT), c.statusDetail(), c.rateLimitedUntil(), c.lastSyncAt(), c.followersImported(),
          c.importDone());
    }
  }

  private final ChannelRegistry channels;
  private final EventStore events;

  EventsApi(ChannelRegistry channels, EventStore events) {
    this.channels = channels;
    this.events = events;
  }

  @Operation(summary = "The workspace's connected accounts")
  @GetMapping("/api/v1/workspaces/{workspaceId}/channels")
  Cursor.Page<ChannelJson> channels(Member member) {
    return new Cursor.Page<>(channels.of(member.workspaceId()).stream().map(ChannelJson::of).toList(), null);
  }

  @Operation(summary = "The normalised event log, oldest first, cursor-paged; filter by type and channel")
  @GetMapping("/api/v1/workspaces/{workspaceId}/events")
  Cursor.Page<NetworkEvent> events(Member member, @RequestParam(required = false) String type,
      @RequestParam(required = false) String channel, @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor) {
    EventType eventType = null;
    if (type != null && !type.isBlank()) {
      try {
        eventType = EventType.valueOf(type.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new DomainException.Invalid("type", "problem.event-type");
      }
    }
    int size = Cursor.limit(limit);
    var rows = events.page(member.workspaceId(), Cursor.after(cursor), size + 1, eventType,
        channel == null || channel.isBlank() ? null : channel);
    return Cursor.Page.of(rows, size, NetworkEvent::id);
  }
}
