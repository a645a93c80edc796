package org.socius.inbox.internal.web;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.socius.inbox.InboxItemType;
import org.socius.inbox.internal.Conversation;
import org.socius.inbox.internal.Conversations;
import org.socius.inbox.internal.InboxFilter;
import org.socius.inbox.internal.InboxItemStore;
import org.socius.inbox.internal.ResponseStore;
import org.socius.networks.Channels;
import org.socius.people.People;
import org.socius.people.Person;
import org.socius.platform.Ids;
import org.socius.platform.web.PageController;
import org.socius.publishing.Signatures;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A conversation: the whole thread, who answered, and the person's card beside it. */
@PageController
class ConversationController {

  static final int CONTACTS = 5;
  static final int NOTES = 3;

  private final Conversations conversations;
  private final InboxItemStore items;
  private final ResponseStore responses;
  private final People people;
  private final Channels channels;
  private final Signatures signatures;
  private final InboxViews views;
  private final MessageSource messages;

  ConversationController(Conversations conversations, InboxItemStore items, ResponseStore responses, People people, Channels channels,
      Signatures signatures, InboxViews views, MessageSource messages) {
    this.conversations = conversations;
    this.items = items;
    this.responses = responses;
    this.people = people;
    this.channels = channels;
    this.signatures = signatures;
    this.views = views;
    this.messages = messages;
  }

  @GetMapping("/w/{slug}/inbox/{conversationId}")
  String conversation(Member member, @PathVariable String conversationId, Model model) {
    Conversation c = conversations.get(member, conversationId);
    ZoneId zone = views.zone(member);
    List<ConversationPage.Line> thread = items.of(member.workspaceId(), c.id()).stream().map(i -> new ConversationPage.Line(i.id(),
        i.theirs(), i.type().toLowerCase(java.util.Locale.ROOT), i.theirs() ? i.actorName() + " " + i.actorHandle()
            : views.memberName(member, i.memberId()),
        i.text(), InboxViews.safeUrl(i.url()), InboxViews.when(zone, i.occurredAt()), InboxViews.iso(zone, i.occurredAt()),
        i.theirs() && i.remoteId() != null)).toList();
    String first = responses.first(member.workspaceId(), c.id()).map(r -> t("inbox.first-response",
        views.memberName(member, r.memberId()), duration(r.took()))).orElse("");
    String channel = channels.find(member.workspaceId(), c.channelId()).map(ch -> ch.handle() + " (" + ch.network().code() + ")")
        .orElse("");
    boolean canAct = member.role().atLeast(Role.EDITOR);
    String kind = c.type() == InboxItemType.DIRECT_MESSAGE ? "direct" : c.type() == InboxItemType.NEW_FOLLOWER
        || thread.stream().noneMatch(ConversationPage.Line::reactable) ? "mention" : "reply";
    model.addAttribute("slug", member.workspaceSlug());
    model.addAttribute("page", new ConversationPage(c.id(), c.personName(), c.actorHandle(), InboxFilter.code(c.type()), channel,
        c.state().code(), c.assigneeMemberId() == null ? "" : c.assigneeMemberId(), views.memberName(member, c.assigneeMemberId()),
        views.assignees(member, c.assigneeMemberId()), first, thread, card(member, c, zone), canAct, kind,
        canAct ? signatures.suffix(member.workspaceId(), member.memberId()) : "", Ids.newId()));
    return "inbox/conversation";
  }

  /** The person as People knows the account now (after a merge too), or the account alone. */
  private ConversationPage.Card card(Member member, Conversation c, ZoneId zone) {
    String ws = member.workspaceId();
    Optional<Person> found = people.findByAccount(ws, c.network(), c.actorId())
        .or(() -> c.personId() == null ? Optional.empty() : people.find(ws, c.personId()));
    if (found.isEmpty()) {
      return new ConversationPage.Card("", c.personName(), List.of(new ConversationPage.Account(c.network().code(), c.actorHandle(),
          "", "")), null, List.of(), List.of());
    }
    Person p = found.get();
    var accounts = p.identities().stream().map(i -> new ConversationPage.Account(i.network().code(), i.handle(), i.bioText(),
        InboxViews.safeUrl(i.profileUrl()))).toList();
    var contacts = people.lastInteractions(ws, p.id(), CONTACTS).stream().map(x -> new ConversationPage.Contact(x.kind(),
        x.direction(), x.memberId() == null ? "" : views.memberName(member, x.memberId()), x.text(), InboxViews.when(zone, x.occurredAt()),
        InboxViews.iso(zone, x.occurredAt()))).toList();
    var notes = people.notes(ws, p.id(), NOTES).stream().map(n -> new ConversationPage.Note(n.body(),
        views.memberName(member, n.memberId()), InboxViews.when(zone, n.createdAt()))).toList();
    return new ConversationPage.Card(p.id(), p.displayName(), accounts, people.strength(ws, p.id()).orElse(null), contacts, notes);
  }

  private String duration(Duration d) {
    if (d.toMinutes() < 1) {
      return t("inbox.duration.seconds", d.toSeconds());
    } else if (d.toHours() < 1) {
      return t("inbox.duration.minutes", d.toMinutes());
    } else if (d.toDays() < 2) {
      return t("inbox.duration.hours", d.toHours());
    }
    return t("inbox.duration.days", d.toDays());
  }

  private String t(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }
}
