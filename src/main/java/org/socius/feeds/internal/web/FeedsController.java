package org.socius.feeds.internal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import org.socius.feeds.internal.FeedSettings;
import org.socius.feeds.internal.ImagePolicy;
import org.socius.feeds.internal.ImageSignature;
import org.socius.feeds.internal.ItemActions;
import org.socius.feeds.internal.ItemStore;
import org.socius.feeds.internal.ReadingList;
import org.socius.feeds.internal.Subscription;
import org.socius.feeds.internal.SubscriptionStore;
import org.socius.platform.DomainException;
import org.socius.platform.web.ContentSecurityPolicy;
import org.socius.platform.web.PageController;
import org.socius.team.Member;
import org.socius.team.Role;
import org.socius.team.Workspaces;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The feeds section: the reading views (unread, all, starred; by feed or category) and the clean
 * article view, which marks the item read when it is opened.
 */
@PageController
class FeedsController {

  static final int PAGE = 50;

  private final SubscriptionStore subscriptions;
  private final ReadingList reading;
  private final ItemStore items;
  private final ItemActions marks;
  private final Workspaces workspaces;
  private final MessageSource messages;
  private final FeedSettings settings;
  private final ImageSignature signature;
  private final java.time.Clock clock;

  FeedsController(SubscriptionStore subscriptions, ReadingList reading, ItemStore items, ItemActions marks, Workspaces workspaces,
      MessageSource messages, FeedSettings settings, ImageSignature signature, java.time.Clock clock) {
    this.settings = settings;
    this.signature = signature;
    this.subscriptions = subscriptions;
    this.reading = reading;
    this.items = items;
    this.marks = marks;
    this.workspaces = workspaces;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/w/{slug}/feeds")
  String read(Member member, @RequestParam(required = false) String show, @RequestParam(required = false) String feed,
      @RequestParam(required = false) String category, @RequestParam(required = false) String q,
      @RequestParam(required = false) String cursor, Model model) {
    // a search looks through everything unless a view is chosen
    ReadingList.Show view = show == null && blank(q) != null ? ReadingList.Show.ALL : ReadingList.Show.parse(show);
    String ws = member.workspaceId();
    List<Subscription> feeds = subscriptions.list(ws, member.memberId());
    List<SubscriptionStore.Category> categories = subscriptions.categories(ws);
    String feedId = blank(feed);
    String categoryId = blank(category);
    var locale = LocaleContextHolder.getLocale();
    String heading = messages.getMessage("feeds.view." + view.code(), null, locale);
    if (feedId != null) {
      heading = feeds.stream().filter(s -> s.id().equals(feedId)).findFirst()
          .orElseThrow(() -> new DomainException.NotFound("feeds.problem.subscription")).name() + " · " + heading;
    } else if (categoryId != null) {
      heading = subscriptions.categoryById(ws, categoryId).orElseThrow(() -> new DomainException.NotFound("feeds.problem.subscription"))
          .name() + " · " + heading;
    }
    String query = blank(q);
    if (query != null) {
      heading = messages.getMessage("feeds.search.heading", new Object[] {query}, locale) + " · " + heading;
    }
    var page = reading.page(ws, member.memberId(), new ReadingList.Filter(view, feedId, categoryId, query, null, null), cursor, PAGE);
    ZoneId zone = zone(member);
    List<ReadingPage.Row> rows = page.entries().stream().map(e -> new ReadingPage.Row(e.id(), e.title(), e.feedTitle(), e.author(),
        e.excerpt(), when(zone, e.publishedAt()), e.publishedAt().toString(), e.read(), e.starred())).toList();
    int unread = feeds.stream().mapToInt(Subscription::unread).sum();
    model.addAttribute("page", new ReadingPage(member.workspaceSlug(), view.code(), feedId, categoryId, query, heading, feeds, categories,
        unread, rows, page.next(), clock.instant().toString(), member.role().atLeast(Role.EDITOR)));
    return "feeds/read";
  }

  @GetMapping("/w/{slug}/feeds/items/{itemId}")
  String article(Member member, @PathVariable String itemId, @RequestParam(required = false) String back, Model model,
      HttpServletResponse response) {
    ItemStore.FullItem item = items.inWorkspace(member.workspaceId(), member.memberId(), itemId)
        .orElseThrow(() -> new DomainException.NotFound("feeds.problem.item"));
    if (!item.read()) {
      marks.markRead(member, itemId); // opening an item reads it
    }
    String backTo = back != null && back.startsWith("?") && back.length() < 300 ? back : "";
    var locale = LocaleContextHolder.getLocale();
    ImagePolicy images = settings.images(member.workspaceId());
    if (images != ImagePolicy.DIRECT) { // the item's images come through Socius or not at all: the browser holds to that too
      response.setHeader(ContentSecurityPolicy.HEADER, ContentSecurityPolicy.IMAGES_FROM_SELF_ONLY);
    }
    String body = ArticleImages.apply(item.body(), images, member.workspaceSlug(),
        url -> signature.sign(member.workspaceId(), url),
        (alt, host) -> messages.getMessage("feeds.images.link", new Object[] {alt.isEmpty() ? host : alt}, locale));
    model.addAttribute("page", new ArticlePage(member.workspaceSlug(), item, body, when(zone(member), item.publishedAt()),
        item.publishedAt().toString(), backTo, member.role().atLeast(Role.EDITOR)));
    return "feeds/article";
  }

  private ZoneId zone(Member member) {
    return workspaces.find(member.workspaceId()).map(w -> w.timeZone()).orElse(ZoneId.of("UTC"));
  }

  static String when(ZoneId zone, Instant at) {
    if (at == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(LocaleContextHolder.getLocale())
        .withZone(zone).format(at);
  }

  static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
