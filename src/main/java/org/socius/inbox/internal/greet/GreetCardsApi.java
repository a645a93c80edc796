package org.socius.inbox.internal.greet;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.socius.networks.PersonalMessages;
import org.socius.platform.Cursor;
import org.socius.platform.DomainException;
import org.socius.team.Member;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Greet cards")
@SecurityRequirement(name = "token")
class GreetCardsApi {

  private static final String CARD = "/api/v1/workspaces/{workspaceId}/greet-cards/{cardId}";

  record CardJson(String id, String channelId, String network, String handle, String name, String bio, String avatarUrl,
      String profileUrl, String state, String closedBy, Instant closedAt, String sentUrl, Instant followedAt) {
    static CardJson of(GreetCard c) {
      return new CardJson(c.id(), c.channelId(), c.network().code(), c.actorHandle(), c.actorName(), c.bioText(), c.avatarUrl(),
          c.profileUrl(), c.state().code(), c.closedBy(), c.closedAt(), c.sentUrl(), c.followedAt());
    }
  }

  record PostJson(String remoteId, String url, String text, Instant createdAt) {}

  record DetailJson(CardJson card, String personId, List<String> topics, List<String> links, List<PostJson> latestPosts,
      List<GreetCardView.Mutual> mutualConnections, List<String> starters, boolean directPossible, boolean networkUnavailable) {}

  /**
   * @param how reply (to {@code replyTo}, one of their posts), mention, or direct (Mastodon)
   * @param confirmFormLetter send words that went to someone else recently, as they are
   */
  record Greeting(String text, String how, String replyTo, Boolean confirmFormLetter) {}

  record Closing(String reason) {}

  private final ReadGreetCard read;
  private final SendGreeting send;
  private final CloseGreetCard close;

  GreetCardsApi(ReadGreetCard read, SendGreeting send, CloseGreetCard close) {
    this.read = read;
    this.send = send;
    this.close = close;
  }

  @Operation(summary = "Greet cards of new followers, newest first (state: open, sent, elsewhere or skipped)")
  @GetMapping("/api/v1/workspaces/{workspaceId}/greet-cards")
  Cursor.Page<CardJson> list(Member member, @RequestParam(defaultValue = "open") String state,
      @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
    GreetCard.State s;
    try {
      s = GreetCard.State.valueOf(state.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new DomainException.Invalid("state", "problem.greet-state");
    }
    int n = Cursor.limit(limit);
    String after = Cursor.after(cursor);
    Long at = null;
    String id = null;
    if (!after.isEmpty()) {
      String[] p = after.split(":", 2);
      try {
        at = Long.parseLong(p[0]);
        id = p.length > 1 ? p[1] : "";
      } catch (NumberFormatException e) {
        throw new DomainException.Invalid("cursor", "problem.cursor");
      }
    }
    List<GreetCard> rows = read.list(member.workspaceId(), s, at, id, n + 1);
    return Cursor.Page.of(rows.stream().map(CardJson::of).toList(), n, c -> c.followedAt().toEpochMilli() + ":" + c.id());
  }

  @Operation(summary = "One card with the follower's topics, links, latest posts, mutual connections and question starters")
  @GetMapping(CARD)
  DetailJson card(Member member, @PathVariable String cardId) {
    GreetCardView v = read.read(member.workspaceId(), cardId, LocaleContextHolder.getLocale());
    return new DetailJson(CardJson.of(v.card()), v.personId(), v.topics().stream().map(BioTopics.Topic::text).toList(), v.links(),
        v.latestPosts().stream().map(p -> new PostJson(p.remoteId(), p.url(), p.text(), p.createdAt())).toList(), v.mutuals(),
        v.starters(), v.directPossible(), v.readFailed());
  }

  @Operation(summary = "Send a greeting you wrote (needs a token with the personal-messages scope); sent once per card",
      description = "409 problem.form-letter when the same words went to someone else in the last 30 days: edit them, or send "
          + "again with confirmFormLetter.")
  @PostMapping(CARD + "/send")
  PersonalMessages.Sent greet(Member member, @PathVariable String cardId, @RequestBody Greeting body) {
    return send.send(member, cardId, new SendGreeting.Form(body.text(), body.how(), body.replyTo(),
        Boolean.TRUE.equals(body.confirmFormLetter())));
  }

  @Operation(summary = "Close a card without sending: reason 'elsewhere' (greeted elsewhere) or 'skip'")
  @PostMapping(CARD + "/close")
  ResponseEntity<Void> close(Member member, @PathVariable String cardId, @RequestBody Closing body) {
    close.close(member, cardId, body.reason());
    return ResponseEntity.noContent().build();
  }
}
