package org.socius.feeds.internal.web;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.socius.feeds.internal.FeedSettings;
import org.socius.feeds.internal.ImportOpml;
import org.socius.feeds.internal.ItemActions;
import org.socius.feeds.internal.Opml;
import org.socius.feeds.internal.ShareItem;
import org.socius.feeds.internal.SubscribeToFeed;
import org.socius.feeds.internal.Subscription;
import org.socius.feeds.internal.SubscriptionActions;
import org.socius.feeds.internal.SubscriptionStore;
import org.socius.platform.DomainException;
import org.socius.platform.web.PageController;
import org.socius.team.Member;
import org.socius.team.Role;
import org.socius.team.Workspaces;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The forms of the feeds section and the page that manages subscriptions; each form goes back where it came from. */
@PageController
class FeedActionsController {

  private final SubscribeToFeed subscribe;
  private final SubscriptionActions actions;
  private final SubscriptionStore subscriptions;
  private final ItemActions marks;
  private final ShareItem share;
  private final ImportOpml importOpml;
  private final Workspaces workspaces;
  private final FeedSettings settings;
  private final java.time.Clock clock;

  FeedActionsController(SubscribeToFeed subscribe, SubscriptionActions actions, SubscriptionStore subscriptions, ItemActions marks,
      ShareItem share, ImportOpml importOpml, Workspaces workspaces, FeedSettings settings, java.time.Clock clock) {
    this.settings = settings;
    this.subscribe = subscribe;
    this.actions = actions;
    this.subscriptions = subscriptions;
    this.marks = marks;
    this.share = share;
    this.importOpml = importOpml;
    this.workspaces = workspaces;
    this.clock = clock;
  }

  @GetMapping("/w/{slug}/feeds/manage")
  String manage(Member member, Model model) {
    ZoneId zone = workspaces.find(member.workspaceId()).map(w -> w.timeZone()).orElse(ZoneId.of("UTC"));
    List<ManagePage.Line> lines = subscriptions.list(member.workspaceId(), member.memberId()).stream().map(s -> line(s, zone)).toList();
    ImportOpml.Report report = model.getAttribute("report") instanceof ImportOpml.Report r ? r : null;
    model.addAttribute("page", new ManagePage(member.workspaceSlug(), lines, report, member.role().atLeast(Role.EDITOR),
        settings.images(member.workspaceId()).code(), member.isOwner()));
    return "feeds/manage";
  }

  private static ManagePage.Line line(Subscription s, ZoneId zone) {
    var f = s.feed();
    return new ManagePage.Line(s.id(), s.name(), f.url(), f.siteUrl(), String.join(", ", s.categories()), s.unread(), f.lastError(),
        f.errorCount(), FeedsController.when(zone, f.lastSuccessAt()), FeedsController.when(zone, f.nextFetchAt()),
        f.nextFetchAt() == null ? "" : f.nextFetchAt().toString());
  }

  @PostMapping("/w/{slug}/feeds/subscribe")
  String subscribe(Member member, @RequestParam(defaultValue = "") String url, @RequestParam(defaultValue = "") String categories,
      RedirectAttributes redirect) {
    return form(member, redirect, "/feeds/manage", "feeds-subscribed", () -> subscribe.subscribe(member, url, null, names(categories)));
  }

  @PostMapping("/w/{slug}/feeds/settings")
  String settings(Member member, @RequestParam(defaultValue = "") String images, RedirectAttributes redirect) {
    return form(member, redirect, "/feeds/manage", "feeds-images-saved", () -> {
      settings.changeImages(member, images);
      return null;
    });
  }

  @PostMapping("/w/{slug}/feeds/{subscriptionId}/edit")
  String edit(Member member, @PathVariable String subscriptionId, @RequestParam(defaultValue = "") String title,
      @RequestParam(defaultValue = "") String categories, RedirectAttributes redirect) {
    return form(member, redirect, "/feeds/manage", "feeds-saved", () -> actions.edit(member, subscriptionId, title, names(categories)));
  }

  @PostMapping("/w/{slug}/feeds/{subscriptionId}/refresh")
  String refresh(Member member, @PathVariable String subscriptionId, RedirectAttributes redirect) {
    return form(member, redirect, "/feeds/manage", "feeds-refreshing", () -> {
      actions.refreshNow(member, subscriptionId);
      return null;
    });
  }

  @PostMapping("/w/{slug}/feeds/{subscriptionId}/unsubscribe")
  String unsubscribe(Member member, @PathVariable String subscriptionId, RedirectAttributes redirect) {
    return form(member, redirect, "/feeds/manage", "feeds-unsubscribed", () -> {
      actions.unsubscribe(member, subscriptionId);
      return null;
    });
  }

  @PostMapping("/w/{slug}/feeds/opml")
  String importOpml(Member member, @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
    byte[] bytes = file == null ? new byte[0] : file.getBytes();
    return form(member, redirect, "/feeds/manage", "feeds-imported", () -> {
      ImportOpml.Report report = importOpml.importFile(member, bytes);
      redirect.addFlashAttribute("report", report);
      return report;
    });
  }

  @GetMapping("/w/{slug}/feeds/opml")
  ResponseEntity<String> exportOpml(Member member) {
    String opml = Opml.write(member.workspaceName(), subscriptions.list(member.workspaceId(), member.memberId()), clock.instant());
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/x-opml; charset=utf-8"))
        .header("Content-Disposition", "attachment; filename=\"feeds.opml\"").body(opml);
  }

  @PostMapping("/w/{slug}/feeds/items/{itemId}/mark")
  String mark(Member member, @PathVariable String itemId, @RequestParam String action, @RequestParam(defaultValue = "") String back) {
    switch (action) {
      case "read" -> marks.markRead(member, itemId);
      case "unread" -> marks.markUnread(member, itemId);
      case "star" -> marks.star(member, itemId);
      case "unstar" -> marks.unstar(member, itemId);
      default -> throw new DomainException.Invalid("action", "feeds.problem.action");
    }
    return "redirect:/w/" + member.workspaceSlug() + "/feeds" + (back.startsWith("?") ? back : "");
  }

  @PostMapping("/w/{slug}/feeds/items/{itemId}/share")
  String share(Member member, @PathVariable String itemId) {
    var shared = share.share(member, itemId);
    return "redirect:/w/" + member.workspaceSlug() + "/publish/posts/" + shared.draftId() + "/edit";
  }

  @PostMapping("/w/{slug}/feeds/read-all")
  String readAll(Member member, @RequestParam(defaultValue = "") String feed, @RequestParam(defaultValue = "") String category,
      @RequestParam(defaultValue = "") String upTo, @RequestParam(defaultValue = "") String back, RedirectAttributes redirect) {
    Instant until;
    try {
      until = upTo.isBlank() ? null : Instant.parse(upTo);
    } catch (DateTimeParseException e) {
      throw new DomainException.Invalid("upTo", "feeds.problem.date");
    }
    marks.markAllRead(member, FeedsController.blank(feed), FeedsController.blank(category), until);
    redirect.addFlashAttribute("notice", "feeds-all-read");
    return "redirect:/w/" + member.workspaceSlug() + "/feeds" + (back.startsWith("?") ? back : "");
  }

  private static List<String> names(String text) {
    return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** A refused field comes back to the page with the reason; a refusal of the request itself is an error page. */
  private static String form(Member member, RedirectAttributes redirect, String page, String notice, Supplier<Object> action) {
    member.require(Role.EDITOR);
    try {
      action.get();
      redirect.addFlashAttribute("notice", notice);
    } catch (DomainException.Invalid e) {
      redirect.addFlashAttribute("problem", e.messageIn(LocaleContextHolder.getLocale()));
    }
    return "redirect:/w/" + member.workspaceSlug() + page;
  }
}
