package org.socius.networks.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.socius.networks.Actor;
import org.socius.networks.Channel;
import org.socius.networks.Network;
import org.socius.networks.OutgoingPost;
import org.socius.networks.PersonalMessageSent;
import org.socius.networks.PersonalMessages;
import org.socius.networks.PublishFailure;
import org.socius.networks.Published;
import org.socius.platform.DomainException;
import org.socius.platform.Ids;
import org.socius.team.Member;
import org.socius.team.PersonalActs;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A member sends words (or a like, a repost) to one person. The person behind the act is asked
 * for first ({@link PersonalActs}), before anything is read or sent; then the text is checked
 * for being a form letter; then it goes out once per idempotency key and is recorded, with the
 * {@link PersonalMessageSent} event, in one transaction.
 */
@Service
class SendPersonalMessage implements PersonalMessages {

  static final Duration FORM_LETTER_WINDOW = Duration.ofDays(30);
  static final int MAX_TEXT = 5000;

  private final PersonalActs acts;
  private final ChannelStore channels;
  private final PublishOnChannel publisher;
  private final PersonalMessageStore sent;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;
  private final Clock clock;

  SendPersonalMessage(PersonalActs acts, ChannelStore channels, PublishOnChannel publisher, PersonalMessageStore sent,
      ApplicationEventPublisher events, TransactionTemplate tx, Clock clock) {
    this.acts = acts;
    this.channels = channels;
    this.publisher = publisher;
    this.sent = sent;
    this.events = events;
    this.tx = tx;
    this.clock = clock;
  }

  @Override
  public Sent send(String workspaceId, String channelId, Message m) {
    if (m == null || m.kind() == null) {
      throw new DomainException.Invalid("kind", "problem.message-kind");
    }
    Member me = acts.requirePerson(workspaceId, "send-" + code(m.kind()), m.recipient() == null ? "" : m.recipient().handle());
    Channel channel = channels.find(workspaceId, channelId).orElseThrow(() -> new DomainException.NotFound("problem.no-channel"));
    Actor to = recipient(m.recipient());
    String text = m.text() == null ? "" : m.text().strip();
    if (text.isEmpty()) {
      throw new DomainException.Invalid("text", "problem.message-empty");
    }
    if (text.length() > MAX_TEXT) {
      throw new DomainException.Invalid("text", "problem.message-too-long", MAX_TEXT);
    }
    if (m.kind() == Kind.REPLY && (m.replyTo() == null || m.replyTo().isBlank())) {
      throw new DomainException.Invalid("replyTo", "problem.reply-needs-post");
    }
    if (m.kind() == Kind.DIRECT && channel.network() != Network.MASTODON) {
      throw new DomainException.Invalid("kind", "problem.direct-mastodon-only");
    }
    String key = key(m.idempotencyKey());
    var done = sent.byKey(channelId, key);
    if (done.isPresent()) {
      return done.get().sent();
    }
    String fingerprint = FormLetters.fingerprint(text, to);
    if (!m.confirmedFormLetter()) {
      long since = clock.millis() - FORM_LETTER_WINDOW.toMillis();
      sent.sameTextToSomeoneElse(workspaceId, fingerprint, to.remoteId(), since).ifPresent(earlier -> {
        throw new DomainException.Conflict("problem.form-letter", earlier.recipientHandle());
      });
    }
    String addressed = addressed(channel.network(), m.kind(), to, text);
    OutgoingPost post = new OutgoingPost(List.of(addressed), List.of(), m.kind() == Kind.REPLY ? m.replyTo() : null,
        m.kind() == Kind.DIRECT ? "direct" : "public");
    Published published;
    try {
      published = publisher.publishPersonal(workspaceId, channelId, post, "pm:" + key);
    } catch (PublishFailure e) {
      throw new DomainException.Upstream("problem.network-failed", e.getMessage());
    }
    return record(me, channel, code(m.kind()), m.greeting(), to, addressed, fingerprint, m.replyTo(), key, published.first());
  }

  @Override
  public Sent react(String workspaceId, String channelId, Reaction reaction, Actor author, String postRemoteId) {
    if (reaction == null) {
      throw new DomainException.Invalid("reaction", "problem.message-kind");
    }
    Member me = acts.requirePerson(workspaceId, code(reaction), postRemoteId);
    Channel channel = channels.find(workspaceId, channelId).orElseThrow(() -> new DomainException.NotFound("problem.no-channel"));
    Actor to = recipient(author);
    if (postRemoteId == null || postRemoteId.isBlank() || postRemoteId.length() > 500) {
      throw new DomainException.Invalid("postRemoteId", "problem.remote-id");
    }
    String key = code(reaction) + ":" + postRemoteId; // liking a post twice likes it once
    var done = sent.byKey(channelId, key);
    if (done.isPresent()) {
      return done.get().sent();
    }
    Published.Part part;
    try {
      part = publisher.react(workspaceId, channelId, reaction, postRemoteId, "pm:" + key);
    } catch (PublishFailure e) {
      throw new DomainException.Upstream("problem.network-failed", e.getMessage());
    }
    return record(me, channel, code(reaction), false, to, "", null, postRemoteId, key, part);
  }

  private Sent record(Member me, Channel channel, String kind, boolean greeting, Actor to, String text, String fingerprint,
      String replyTo, String key, Published.Part part) {
    long now = clock.millis();
    var row = new PersonalMessageStore.Row(Ids.newId(), channel.workspaceId(), channel.id(), me.memberId(), kind, greeting,
        to.remoteId(), to.handle() == null ? "" : to.handle(), text, fingerprint, replyTo, key, part.remoteId(), part.url(), now);
    return tx.execute(status -> {
      if (!sent.insert(row)) {
        return sent.byKey(channel.id(), key).orElseThrow().sent(); // the same form sent twice at once: the first one counts
      }
      events.publishEvent(new PersonalMessageSent(row.id(), channel.workspaceId(), channel.id(), channel.network(), me.memberId(),
          kind.toUpperCase(Locale.ROOT), greeting, to, text, replyTo, part.remoteId(), part.url(), java.time.Instant.ofEpochMilli(now)));
      return row.sent();
    });
  }

  /** A mention or direct message starts with their handle when the text does not name them. */
  static String addressed(Network network, Kind kind, Actor to, String text) {
    boolean needsHandle = kind == Kind.MENTION || kind == Kind.DIRECT || (kind == Kind.REPLY && network == Network.MASTODON);
    if (!needsHandle || to.handle() == null || to.handle().isBlank()) {
      return text;
    }
    String handle = to.handle().startsWith("@") ? to.handle() : "@" + to.handle();
    return text.toLowerCase(Locale.ROOT).contains(handle.toLowerCase(Locale.ROOT)) ? text : handle + " " + text;
  }

  private static Actor recipient(Actor a) {
    if (a == null || a.remoteId() == null || a.remoteId().isBlank()) {
      throw new DomainException.Invalid("recipient", "problem.message-recipient");
    }
    return a;
  }

  private static String key(String key) {
    if (key == null || key.isBlank() || key.length() > 150) {
      throw new DomainException.Invalid("idempotencyKey", "problem.idempotency-key");
    }
    return key;
  }

  private static String code(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
