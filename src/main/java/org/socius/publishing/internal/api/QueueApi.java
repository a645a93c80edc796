package org.socius.publishing.internal.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.socius.platform.DomainException;
import org.socius.publishing.internal.ExportPosts;
import org.socius.publishing.internal.ImportPosts;
import org.socius.publishing.internal.MovePost;
import org.socius.publishing.internal.PauseQueue;
import org.socius.publishing.internal.PostLists;
import org.socius.publishing.internal.PostingSchedule;
import org.socius.publishing.internal.QueueOverview;
import org.socius.publishing.internal.ResumeQueue;
import org.socius.publishing.internal.RetryDelivery;
import org.socius.publishing.internal.SetPostingSlots;
import org.socius.team.Member;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Queue and calendar")
@SecurityRequirement(name = "token")
class QueueApi {

  private final QueueOverview queue;
  private final PostLists lists;
  private final MovePost move;
  private final RetryDelivery retry;
  private final SetPostingSlots slots;
  private final PauseQueue pause;
  private final ResumeQueue resume;
  private final ImportPosts importer;
  private final ExportPosts exporter;

  QueueApi(QueueOverview queue, PostLists lists, MovePost move, RetryDelivery retry, SetPostingSlots slots, PauseQueue pause,
      ResumeQueue resume, ImportPosts importer, ExportPosts exporter) {
    this.queue = queue;
    this.lists = lists;
    this.move = move;
    this.retry = retry;
    this.slots = slots;
    this.pause = pause;
    this.resume = resume;
    this.importer = importer;
    this.exporter = exporter;
  }

  @Operation(summary = "Each channel's coming posts with the empty slots of the next 7 days, and the share/own balance")
  @GetMapping("/api/v1/workspaces/{workspaceId}/queue")
  PostJson.Queue queue(Member member, @RequestParam(required = false) String channel) {
    return PostJson.Queue.of(queue.of(member, channel == null || channel.isBlank() ? null : channel));
  }

  @Operation(summary = "Deliveries due or published between two times (at most 62 days), for one channel or all")
  @GetMapping("/api/v1/workspaces/{workspaceId}/calendar")
  List<PostJson.Delivery> calendar(Member member, @RequestParam Instant from, @RequestParam Instant to,
      @RequestParam(required = false) String channel) {
    if (!to.isAfter(from) || Duration.between(from, to).toDays() > 62) {
      throw new DomainException.Invalid("to", "problem.calendar-range", 62);
    }
    return lists.calendar(member, channel, from, to).stream().map(PostJson.Delivery::of).toList();
  }

  @Operation(summary = "Published posts, newest first")
  @GetMapping("/api/v1/workspaces/{workspaceId}/history")
  List<PostJson.Delivery> history(Member member, @RequestParam(defaultValue = "50") int limit) {
    return lists.published(member, Math.max(1, Math.min(limit, 200))).stream().map(PostJson.Delivery::of).toList();
  }

  @Operation(summary = "Failed and missed posts waiting for a decision, and those being settled")
  @GetMapping("/api/v1/workspaces/{workspaceId}/attention")
  List<PostJson.Delivery> attention(Member member) {
    return lists.needingAttention(member, 200).stream().map(PostJson.Delivery::of).toList();
  }

  @Operation(summary = "Move a scheduled post: direction earlier/later in the queue, into a free slot, or to a time")
  @PostMapping("/api/v1/workspaces/{workspaceId}/deliveries/{deliveryId}/move")
  ResponseEntity<Void> move(Member member, @PathVariable String deliveryId, @RequestBody PostJson.Move body) {
    if (body.slot() != null) {
      move.toSlot(member, deliveryId, body.slot());
    } else if (body.at() != null) {
      move.toTime(member, deliveryId, body.at());
    } else if ("earlier".equals(body.direction()) || "later".equals(body.direction())) {
      move.step(member, deliveryId, "earlier".equals(body.direction()));
    } else {
      throw new DomainException.Invalid("direction", "problem.move");
    }
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Publish a failed or missed post now (with the same idempotency key)")
  @PostMapping("/api/v1/workspaces/{workspaceId}/deliveries/{deliveryId}/retry")
  ResponseEntity<Void> retry(Member member, @PathVariable String deliveryId) {
    retry.now(member, deliveryId);
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Drop a failed or missed post on its channel")
  @DeleteMapping("/api/v1/workspaces/{workspaceId}/deliveries/{deliveryId}")
  ResponseEntity<Void> drop(Member member, @PathVariable String deliveryId) {
    retry.drop(member, deliveryId);
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "A channel's weekly posting slots, like \"mon 08:15\", in the workspace's time zone")
  @GetMapping("/api/v1/workspaces/{workspaceId}/channels/{channelId}/slots")
  PostJson.Slots slots(Member member, @PathVariable String channelId) {
    return new PostJson.Slots(slots.of(member, channelId).stream().map(PostingSchedule.Slot::code).toList());
  }

  @Operation(summary = "Replace a channel's weekly posting slots")
  @PutMapping("/api/v1/workspaces/{workspaceId}/channels/{channelId}/slots")
  PostJson.Slots setSlots(Member member, @PathVariable String channelId, @RequestBody PostJson.Slots body) {
    List<PostingSchedule.Slot> parsed = (body.slots() == null ? List.<String>of() : body.slots()).stream()
        .map(PostingSchedule.Slot::parse).toList();
    return new PostJson.Slots(slots.set(member, channelId, parsed).stream().map(PostingSchedule.Slot::code).toList());
  }

  @Operation(summary = "Pause a channel's queue: nothing of it goes out until it is resumed")
  @PostMapping("/api/v1/workspaces/{workspaceId}/channels/{channelId}/pause")
  ResponseEntity<Void> pause(Member member, @PathVariable String channelId) {
    pause.pause(member, channelId);
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Resume a paused queue")
  @PostMapping("/api/v1/workspaces/{workspaceId}/channels/{channelId}/resume")
  ResponseEntity<Void> resume(Member member, @PathVariable String channelId) {
    resume.resume(member, channelId);
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Schedule posts from a CSV file (columns channels, at, text, kind, thread); answers a per-row report")
  @PostMapping(path = "/api/v1/workspaces/{workspaceId}/posts/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
  ImportPosts.Report importCsv(Member member, jakarta.servlet.http.HttpServletRequest request, Locale locale) throws java.io.IOException {
    return importer.run(member, new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8), locale);
  }

  @Operation(summary = "Posts between two times as CSV (importable again)")
  @GetMapping("/api/v1/workspaces/{workspaceId}/posts/export")
  ResponseEntity<String> exportCsv(Member member, @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
    Instant start = from == null ? Instant.now().minus(Duration.ofDays(30)) : from;
    Instant end = to == null ? Instant.now().plus(Duration.ofDays(366)) : to;
    StringWriter out = new StringWriter();
    exporter.write(member, start, end, out);
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv; charset=utf-8")).body(out.toString());
  }
}
