package org.socius.inbox.internal.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.socius.inbox.internal.Conversation;
import org.socius.inbox.internal.ConversationStore;
import org.socius.inbox.internal.InboxFilter;
import org.socius.people.People;
import org.socius.people.Person;
import org.socius.platform.Cursor;
import org.socius.platform.web.PageController;
import org.socius.team.Member;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The inbox: one list of conversations from every channel, by their latest item, with filters
 * (state open by default), a page at a time. Live notifications prepend rows to its list.
 */
@PageController
class InboxController {

  /** The page counts open conversations up to this many ("999+"), so that a huge inbox costs no more. */
  static final int OPEN_SHOWN = 1000;

  private final ConversationStore conversations;
  private final People people;
  private final InboxViews views;

  InboxController(ConversationStore conversations, People people, InboxViews views) {
    this.conversations = conversations;
    this.people = people;
    this.views = views;
  }

  @GetMapping("/w/{slug}/inbox")
  String list(Member member, @RequestParam(defaultValue = "") String order, @RequestParam(defaultValue = "") String channel,
      @RequestParam(defaultValue = "") String type, @RequestParam(defaultValue = "") String person,
      @RequestParam(defaultValue = "") String assignee, @RequestParam(defaultValue = "open") String state,
      @RequestParam(defaultValue = "") String cursor, Model model) {
    InboxFilter filter = InboxFilter.parse(member.memberId(), channel, type, person, assignee, state);
    boolean newest = InboxFilter.newestFirst(order);
    int limit = Cursor.DEFAULT_LIMIT;
    var rows = conversations.page(member.workspaceId(), filter, newest, Cursor.after(cursor), limit + 1);
    Cursor.Page<Conversation> page = Cursor.Page.of(rows, limit, InboxFilter::key);
    Map<String, String> channels = views.channels(member);
    ZoneId zone = views.zone(member);
    Map<String, String> query = new LinkedHashMap<>();
    query.put("order", order);
    query.put("channel", channel);
    query.put("type", type);
    query.put("person", person);
    query.put("assignee", assignee);
    query.put("state", state);
    Map<String, String> names = new java.util.HashMap<>(); // one look-up per member, not per row
    List<InboxPage.Row> list = page.items().stream().map(c -> new InboxPage.Row(c.id(), c.personName(), c.actorHandle(),
        InboxFilter.code(c.type()), channels.getOrDefault(c.channelId(), ""), c.excerpt(), c.state().code(),
        c.assigneeMemberId() == null ? "" : names.computeIfAbsent(c.assigneeMemberId(), id -> views.memberName(member, id)),
        InboxViews.when(zone, c.lastAt()), InboxViews.iso(zone, c.lastAt()),
        c.items())).toList();
    String personName = person.isBlank() ? "" : people.find(member.workspaceId(), person.strip()).map(Person::displayName).orElse("");
    model.addAttribute("slug", member.workspaceSlug());
    model.addAttribute("page", new InboxPage(query, list, page.next() == null ? "" : next(query, page.next()),
        conversations.openCountUpTo(member.workspaceId(), OPEN_SHOWN), channels, personName));
    return "inbox/list";
  }

  private static String next(Map<String, String> query, String cursor) {
    Map<String, String> q = new LinkedHashMap<>(query);
    q.put("cursor", cursor);
    return q.entrySet().stream().filter(e -> !e.getValue().isEmpty())
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
  }
}
