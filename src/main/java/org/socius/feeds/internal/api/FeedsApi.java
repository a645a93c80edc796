package org.socius.feeds.internal.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.socius.feeds.internal.ImportOpml;
import org.socius.feeds.internal.ItemActions;
import org.socius.feeds.internal.ItemStore;
import org.socius.feeds.internal.Opml;
import org.socius.feeds.internal.ReadingList;
import org.socius.feeds.internal.ShareItem;
import org.socius.feeds.internal.SharePage;
import org.socius.feeds.internal.SubscribeToFeed;
import org.socius.feeds.internal.SubscriptionActions;
import org.socius.feeds.internal.SubscriptionStore;
import org.socius.platform.Cursor;
import org.socius.platform.DomainException;
import org.socius.team.Member;
import org.springframework.http.HttpStatus;
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
@Tag(name = "Feeds")
@SecurityRequirement(name = "token")
class FeedsApi {

  private static final String FEEDS = "/api/v1/workspaces/{workspaceId}/feeds";
  private static final String ITEMS = FEEDS + "/items";

  private final SubscriptionStore subscriptions;
  private final SubscribeToFeed subscribe;
  private final SubscriptionActions actions;
  private final ReadingList reading;
  private final ItemStore items;
  private final ItemActions marks;
  private final ShareItem share;
  private final ImportOpml importOpml;
  private final SharePage sharePage;
  private final java.time.Clock clock;

  FeedsApi(SubscriptionStore subscriptions, SubscribeToFeed subscribe, SubscriptionActions actions, ReadingList reading,
      ItemStore items, ItemActions marks, ShareItem share, ImportOpml importOpml, SharePage sharePage, java.time.Clock clock) {
    this.subscriptions = subscriptions;
    this.subscribe = subscribe;
    this.actions = actions;
    this.reading = reading;
    this.items = items;
    this.marks = marks;
    this.share = share;
    this.importOpml = importOpml;
    this.sharePage = sharePage;
    this.clock = clock;
  }

  @Operation(summary = "The workspace's feeds by name, each with the caller's unread count, its categories and its fetch state "
      + "(last error in words and the next try)")
  @GetMapping(FEEDS)
  List<FeedsJson.FeedJson> list(Member member) {
    return subscriptions.list(member.workspaceId(), member.memberId()).stream().map(FeedsJson.FeedJson::of).toList();
  }

  @Operation(summary = "Subscribe by a feed's address or a site's (the feed the page announces is found); 201 when new, 200 when the "
      + "workspace already had it")
  @PostMapping(FEEDS)
  ResponseEntity<FeedsJson.Subscribed> subscribe(Member member, @RequestBody FeedsJson.SubscribeBody body) {
    var s = subscribe.subscribe(member, body.url(), body.title(), body.categories());
    return ResponseEntity.status(s.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(new FeedsJson.Subscribed(s.subscriptionId(), s.created(), FeedsJson.FeedJson.of(actions.find(member, s.subscriptionId()))));
  }

  @Operation(summary = "One feed of the workspace")
  @GetMapping(FEEDS + "/{feedId}")
  FeedsJson.FeedJson get(Member member, @PathVariable String feedId) {
    return FeedsJson.FeedJson.of(actions.find(member, feedId));
  }

  @Operation(summary = "Rename a feed for the workspace and/or put it in exactly these categories (null leaves either as it is)")
  @PutMapping(FEEDS + "/{feedId}")
  FeedsJson.FeedJson edit(Member member, @PathVariable String feedId, @RequestBody FeedsJson.EditBody body) {
    return FeedsJson.FeedJson.of(actions.edit(member, feedId, body.title(), body.categories()));
  }

  @Operation(summary = "Unsubscribe the workspace")
  @DeleteMapping(FEEDS + "/{feedId}")
  ResponseEntity<Void> unsubscribe(Member member, @PathVariable String feedId) {
    actions.unsubscribe(member, feedId);
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Refresh now (always possible, also for a failing feed); the fetch runs in the background")
  @PostMapping(FEEDS + "/{feedId}/refresh")
  ResponseEntity<Void> refresh(Member member, @PathVariable String feedId) {
    actions.refreshNow(member, feedId);
    return ResponseEntity.accepted().build();
  }

  @Operation(summary = "The workspace's categories with how many feeds sit in each")
  @GetMapping(FEEDS + "/categories")
  List<FeedsJson.Category> categories(Member member) {
    return subscriptions.categories(member.workspaceId()).stream().map(c -> new FeedsJson.Category(c.id(), c.name(), c.feeds())).toList();
  }

  @Operation(summary = "Items newest first for the caller: show=unread (default; all when searching), all or starred; feed or category narrows it; "
      + "q searches titles, authors and content (every word must occur); from and to (ISO 8601 instants) bound the publication time")
  @GetMapping(ITEMS)
  FeedsJson.ItemPage items(Member member, @RequestParam(required = false) String show, @RequestParam(required = false) String feed,
      @RequestParam(required = false) String category, @RequestParam(required = false) String q,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
    ReadingList.Show view = show == null && blank(q) != null ? ReadingList.Show.ALL : ReadingList.Show.parse(show);
    var filter = new ReadingList.Filter(view, blank(feed), blank(category), q, instant(from), instant(to));
    var page = reading.page(member.workspaceId(), member.memberId(), filter, cursor, Cursor.limit(limit));
    return new FeedsJson.ItemPage(page.entries().stream().map(FeedsJson.ItemJson::of).toList(), page.next());
  }

  @Operation(summary = "One item with its sanitised HTML")
  @GetMapping(ITEMS + "/{itemId}")
  FeedsJson.FullItemJson item(Member member, @PathVariable String itemId) {
    return FeedsJson.FullItemJson.of(items.inWorkspace(member.workspaceId(), member.memberId(), itemId)
        .orElseThrow(() -> new DomainException.NotFound("feeds.problem.item")));
  }

  @Operation(summary = "Mark an item read for the caller")
  @PutMapping(ITEMS + "/{itemId}/read")
  ResponseEntity<Void> read(Member member, @PathVariable String itemId) {
    marks.markRead(member, itemId);
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Mark an item unread for the caller")
  @DeleteMapping(ITEMS + "/{itemId}/read")
  ResponseEntity<Void> unread(Member member, @PathVariable String itemId) {
    marks.markUnread(member, itemId);
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Star an item (read later) for the caller; starred items are kept whatever the history limit")
  @PutMapping(ITEMS + "/{itemId}/star")
  ResponseEntity<Void> star(Member member, @PathVariable String itemId) {
    marks.star(member, itemId);
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Unstar an item for the caller")
  @DeleteMapping(ITEMS + "/{itemId}/star")
  ResponseEntity<Void> unstar(Member member, @PathVariable String itemId) {
    marks.unstar(member, itemId);
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Mark read everything that had arrived by upTo (default now), in one feed or category when given")
  @PostMapping(ITEMS + "/read")
  FeedsJson.Marked readAll(Member member, @RequestBody(required = false) FeedsJson.ReadAllBody body) {
    FeedsJson.ReadAllBody b = body == null ? new FeedsJson.ReadAllBody(null, null, null) : body;
    return new FeedsJson.Marked(marks.markAllRead(member, blank(b.feed()), blank(b.category()), instant(b.upTo())));
  }

  @Operation(summary = "Share: a draft (kind share) with the item's title, its link without tracking parameters and credit to its author")
  @PostMapping(ITEMS + "/{itemId}/share")
  ResponseEntity<FeedsJson.Shared> share(Member member, @PathVariable String itemId) {
    var s = share.share(member, itemId);
    return ResponseEntity.status(HttpStatus.CREATED).body(new FeedsJson.Shared(s.draftId(), s.text(), s.link()));
  }

  @Operation(summary = "Share any web page: a draft (kind share) with the page's title (read from the page under the SSRF guard, "
      + "else the one given), the selected text as a quote, the link without tracking parameters and credit to its author")
  @PostMapping(FEEDS + "/share")
  ResponseEntity<FeedsJson.SharedPage> sharePage(Member member, @RequestBody FeedsJson.SharePageBody body) {
    var s = sharePage.share(member, body.url(), body.title(), body.text());
    return ResponseEntity.status(HttpStatus.CREATED).body(new FeedsJson.SharedPage(s.draftId(), s.text(), s.link(), s.fetched()));
  }

  @Operation(summary = "Import an OPML file: every feed is subscribed at once with its categories; the report says what became of each")
  @PostMapping(path = FEEDS + "/opml", consumes = {"text/x-opml", MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE,
      MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
  ImportOpml.Report importOpml(Member member, @RequestBody byte[] file) {
    return importOpml.importFile(member, file);
  }

  @Operation(summary = "Export the workspace's feeds as OPML 2.0, each under each of its categories")
  @GetMapping(FEEDS + "/opml")
  ResponseEntity<String> exportOpml(Member member) {
    String opml = Opml.write(member.workspaceName(), subscriptions.list(member.workspaceId(), member.memberId()), clock.instant());
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/x-opml; charset=utf-8"))
        .header("Content-Disposition", "attachment; filename=\"feeds.opml\"").body(opml);
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static Instant instant(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(s.strip());
    } catch (DateTimeParseException e) {
      throw new DomainException.Invalid("date", "feeds.problem.date");
    }
  }
}
