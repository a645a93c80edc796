package org.socius.networks;

/**
 * The only way Socius speaks to one person: a reply, a mention, a direct message, a like or a
 * repost. Every call is checked in the domain, not in a page: it goes through only when a
 * signed-in person is acting in this request (or an API token made with the "personal messages"
 * scope, and then it is audited), and the text is theirs. A job, a recipe or any other code
 * without a person behind it is refused. {@link Publisher#publish} refuses replies and direct
 * messages, so there is no way around this one.
 */
public interface PersonalMessages {

  /**
   * Sends words to one person. A text that is the same (names aside) as one sent to someone else
   * in the last 30 days is refused as a form letter unless {@link Message#confirmedFormLetter()}.
   *
   * @throws org.socius.platform.DomainException.Forbidden when no person is acting
   * @throws org.socius.platform.DomainException.Conflict {@code problem.form-letter} for a form letter
   * @throws org.socius.platform.DomainException.Invalid for empty or over-long text, or a kind the network lacks
   * @throws org.socius.platform.DomainException.Upstream when the network refused or could not be
   *     reached (sending again with the same key is safe)
   */
  Sent send(String workspaceId, String channelId, Message message);

  /**
   * Likes or reposts a post, as an explicit act of the person. Doing it twice does it once.
   *
   * @throws org.socius.platform.DomainException.Forbidden when no person is acting
   * @throws org.socius.platform.DomainException.Upstream when the network refused or could not be reached
   */
  Sent react(String workspaceId, String channelId, Reaction reaction, Actor author, String postRemoteId);

  enum Kind {
    /** An answer to {@link Message#replyTo()}: public, in their thread. */
    REPLY,
    /** A new public post that names them. */
    MENTION,
    /** Mastodon only: a direct (private) message. */
    DIRECT
  }

  enum Reaction {
    LIKE,
    REPOST
  }

  /**
   * @param recipient who it is for (their handle is put in front of a mention or message when missing)
   * @param replyTo the remote id of their post, for {@link Kind#REPLY}
   * @param greeting true when it greets a new follower (logged as a greeting)
   * @param idempotencyKey the same key never sends twice (e.g. the form's id)
   */
  record Message(Kind kind, Actor recipient, String text, String replyTo, boolean greeting, boolean confirmedFormLetter,
      String idempotencyKey) {}

  /** What was sent and by which member. */
  record Sent(String id, String memberId, String remoteId, String url, java.time.Instant sentAt) {}
}
