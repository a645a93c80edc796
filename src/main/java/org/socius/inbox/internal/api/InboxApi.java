package org.socius.inbox.internal.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.socius.inbox.Inbox;
import org.socius.inbox.internal.AssignConversation;
import org.socius.inbox.internal.CloseConversation;
import org.socius.inbox.internal.Conversation;
import org.socius.inbox.internal.ConversationStore;
import org.socius.inbox.internal.Conversations;
import org.socius.inbox.internal.InboxFilter;
import org.socius.inbox.internal.InboxItemStore;
import org.socius.inbox.internal.ReactInConversation;
import org.socius.inbox.internal.ReopenConversation;
import org.socius.inbox.internal.ReplyInConversation;
import org.socius.inbox.internal.ResponseStore;
import org.socius.inbox.internal.UnassignConversation;
import org.socius.networks.PersonalMessages;
import org.socius.platform.Cursor;
import org.socius.platform.DomainException;
import org.socius.team.Member;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Inbox")
@SecurityRequirement(name = "token")
class InboxApi {

  private static final String INBOX = "/api/v1/workspaces/{workspaceId}/inbox";
  private static final String CONVERSATION = INBOX + "/{conversationId}";

  private final ConversationStore store;
  private final Conversations conversations;
  private final InboxItemStore items;
  private final ResponseStore responses;
  private final Inbox inbox;
  private final AssignConversation assign;
  private final UnassignConversation unassign;
  private final CloseConversation close;
  private final ReopenConversation reopen;
  private final ReplyInConversation reply;
  private final ReactInConversation react;
  private final Clock clock;

  InboxApi(ConversationStore store, Conversations conversations, InboxItemStore items, ResponseStore responses, Inbox inbox,
      AssignConversation assign, UnassignConversation unassign, CloseConversation close, ReopenConversation reopen,
      ReplyInConversation reply, ReactInConversation react, Clock clock) {
    this.store = store;
    this.conversations = conversations;
    this.items = items;
    this.responses = responses;
    this.inbox = inbox;
    this.assign = assign;
    this.unassign = unassign;
    this.close = close;
    this.reopen = reopen;
    this.reply = reply;
    this.react = react;
    this.clock = clock;
  }

  @Operation(summary = "Conversations of every channel: mentions, replies, direct messages and new followers, by their latest item")
  @GetMapping(INBOX)
  Cursor.Page<InboxJson.ConversationJson> list(Member member,
      @Parameter(description = "newest (default) or oldest first") @RequestParam(required = false) String order,
      @RequestParam(required = false) String channel,
      @Parameter(description = "mention, reply, direct_message or new_follower") @RequestParam(required = false) String type,
      @Parameter(description = "a person's id") @RequestParam(required = false) String person,
      @Parameter(description = "a member's id, me, or none") @RequestParam(required = false) String assignee,
      @Parameter(description = "open (waiting on us), waiting (on them), done; all or absent: any") @RequestParam(required = false)
      String state, @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
    InboxFilter filter = InboxFilter.parse(member.memberId(), channel, type, person, assignee, state);
    int n = Cursor.limit(limit);
    var rows = store.page(member.workspaceId(), filter, InboxFilter.newestFirst(order), Cursor.after(cursor), n + 1);
    Cursor.Page<Conversation> page = Cursor.Page.of(rows, n, InboxFilter::key);
    return new Cursor.Page<>(page.items().stream().map(InboxJson.ConversationJson::of).toList(), page.next());
  }

  @Operation(summary = "Median time to our first answer after their words, over answers given in [from, to) (default: the last 30 days)")
  @GetMapping(INBOX + "/response-times")
  InboxJson.ResponseTimes responseTimes(Member member, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    Instant end = instant("to", to, clock.instant());
    Instant start = instant("from", from, end.minus(Duration.ofDays(30)));
    if (!start.isBefore(end)) {
      throw new DomainException.Invalid("from", "problem.inbox.period");
    }
    Inbox.ResponseTimes times = inbox.responseTimes(member.workspaceId(), start, end);
    return new InboxJson.ResponseTimes(start, end, times.answered(), times.median() == null ? null : times.median().toSeconds());
  }

  @Operation(summary = "One conversation: their items and our answers (with the member who sent each), oldest first")
  @GetMapping(CONVERSATION)
  InboxJson.Thread get(Member member, @PathVariable String conversationId) {
    Conversation c = conversations.get(member, conversationId);
    return new InboxJson.Thread(InboxJson.ConversationJson.of(c),
        items.of(member.workspaceId(), c.id()).stream().map(InboxJson.ItemJson::of).toList(),
        responses.first(member.workspaceId(), c.id()).map(InboxJson.Response::of).orElse(null));
  }

  @Operation(summary = "Assign to a member who can answer; they are notified")
  @PostMapping(CONVERSATION + "/assignee")
  InboxJson.ConversationJson assign(Member member, @PathVariable String conversationId, @RequestBody InboxJson.Assign body) {
    return InboxJson.ConversationJson.of(assign.assign(member, conversationId, body.assigneeMemberId()));
  }

  @Operation(summary = "Give back to the whole team")
  @DeleteMapping(CONVERSATION + "/assignee")
  InboxJson.ConversationJson unassign(Member member, @PathVariable String conversationId) {
    return InboxJson.ConversationJson.of(unassign.unassign(member, conversationId));
  }

  @Operation(summary = "Mark done; their next words open it again")
  @PostMapping(CONVERSATION + "/done")
  InboxJson.ConversationJson done(Member member, @PathVariable String conversationId) {
    return InboxJson.ConversationJson.of(close.close(member, conversationId));
  }

  @Operation(summary = "Open a done conversation again")
  @PostMapping(CONVERSATION + "/reopen")
  InboxJson.ConversationJson reopen(Member member, @PathVariable String conversationId) {
    return InboxJson.ConversationJson.of(reopen.reopen(member, conversationId));
  }

  @Operation(summary = "Answer with words the member wrote: a reply in the thread, a direct message, or a mention to a new follower. "
      + "Needs a signed-in person or a token with the personal-messages scope; a form letter answers 409 unless confirmed")
  @PostMapping(CONVERSATION + "/replies")
  ResponseEntity<InboxJson.Sent> reply(Member member, @PathVariable String conversationId, @RequestBody InboxJson.Reply body) {
    var sent = reply.reply(member, conversationId, body.text(), Boolean.TRUE.equals(body.confirmedFormLetter()), body.idempotencyKey());
    return ResponseEntity.status(HttpStatus.CREATED).body(sent(sent));
  }

  @Operation(summary = "Like one of their posts in the conversation, as the person's own act")
  @PostMapping(CONVERSATION + "/items/{itemId}/like")
  InboxJson.Sent like(Member member, @PathVariable String conversationId, @PathVariable String itemId) {
    return sent(react.react(member, conversationId, itemId, PersonalMessages.Reaction.LIKE));
  }

  @Operation(summary = "Repost one of their posts in the conversation, as the person's own act")
  @PostMapping(CONVERSATION + "/items/{itemId}/repost")
  InboxJson.Sent repost(Member member, @PathVariable String conversationId, @PathVariable String itemId) {
    return sent(react.react(member, conversationId, itemId, PersonalMessages.Reaction.REPOST));
  }

  private static InboxJson.Sent sent(PersonalMessages.Sent s) {
    return new InboxJson.Sent(s.id(), s.memberId(), s.remoteId(), s.url(), s.sentAt());
  }

  private static Instant instant(String field, String text, Instant otherwise) {
    if (text == null || text.isBlank()) {
      return otherwise;
    }
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new DomainException.Invalid(field, "problem.inbox.instant");
    }
  }
}
