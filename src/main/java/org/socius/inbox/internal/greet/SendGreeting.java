package org.socius.inbox.internal.greet;

import java.time.Clock;
import java.util.Locale;
import org.socius.networks.Network;
import org.socius.networks.PersonalMessages;
import org.socius.platform.DomainException;
import org.socius.publishing.Signatures;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.stereotype.Service;

/**
 * A person greets a new follower in words they wrote, as a reply to one of the follower's posts,
 * a mention, or (Mastodon) a direct message. The card's id is the idempotency key: pressing
 * Send twice greets once. The humanity rules are checked again where the message is sent.
 */
@Service
public class SendGreeting {

  /** @param how reply, mention or direct; @param replyTo their post, for a reply */
  public record Form(String text, String how, String replyTo, boolean confirmFormLetter) {}

  private final ReadGreetCard cards;
  private final GreetCardStore store;
  private final PersonalMessages messages;
  private final Signatures signatures;
  private final Clock clock;

  SendGreeting(ReadGreetCard cards, GreetCardStore store, PersonalMessages messages, Signatures signatures, Clock clock) {
    this.cards = cards;
    this.store = store;
    this.messages = messages;
    this.signatures = signatures;
    this.clock = clock;
  }

  public PersonalMessages.Sent send(Member member, String cardId, Form form) {
    member.require(Role.EDITOR);
    GreetCard card = cards.card(member.workspaceId(), cardId);
    if (card.state() != GreetCard.State.OPEN) {
      throw new DomainException.Conflict("problem.greet-closed");
    }
    PersonalMessages.Kind kind = kind(form.how(), card.network());
    String text = form.text() == null ? "" : form.text().strip();
    if (text.isEmpty()) {
      throw new DomainException.Invalid("text", "problem.message-empty");
    }
    String replyTo = kind == PersonalMessages.Kind.REPLY ? theirPost(card, form.replyTo()) : null;
    var sent = messages.send(member.workspaceId(), card.channelId(), new PersonalMessages.Message(kind, card.actor(),
        signatures.sign(member.workspaceId(), member.memberId(), text), replyTo, true, form.confirmFormLetter(), "greet:" + card.id()));
    store.close(member.workspaceId(), card.id(), GreetCard.State.SENT, member.memberId(), sent.url(), clock.millis());
    return sent;
  }

  private static PersonalMessages.Kind kind(String how, Network network) {
    String h = how == null ? "" : how.strip().toLowerCase(Locale.ROOT);
    return switch (h) {
      case "reply" -> PersonalMessages.Kind.REPLY;
      case "mention" -> PersonalMessages.Kind.MENTION;
      case "direct" -> {
        if (network != Network.MASTODON) {
          throw new DomainException.Invalid("how", "problem.direct-mastodon-only");
        }
        yield PersonalMessages.Kind.DIRECT;
      }
      default -> throw new DomainException.Invalid("how", "problem.greet-how");
    };
  }

  /** A reply answers one of their own posts: a Bluesky post in their repository, or a Mastodon status id. */
  private static String theirPost(GreetCard card, String replyTo) {
    String r = replyTo == null ? "" : replyTo.strip();
    boolean ok = card.network() == Network.BLUESKY
        ? r.startsWith("at://" + card.actorRemoteId() + "/app.bsky.feed.post/") && r.length() < 300
        : r.matches("[A-Za-z0-9_-]{1,64}");
    if (!ok) {
      throw new DomainException.Invalid("replyTo", "problem.greet-reply-to");
    }
    return r;
  }
}
