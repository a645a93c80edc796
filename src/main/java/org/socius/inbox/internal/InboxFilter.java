package org.socius.inbox.internal;

import org.socius.inbox.InboxItemType;
import org.socius.platform.DomainException;

/**
 * What the list shows; a null field does not filter.
 *
 * @param unassigned only conversations assigned to nobody (then assigneeMemberId is null)
 */
public record InboxFilter(String channelId, InboxItemType type, String personId, String assigneeMemberId, boolean unassigned,
    ConversationState state) {

  public static final InboxFilter ALL = new InboxFilter(null, null, null, null, false, null);

  /** Where a page starts: after this conversation in the list's order. */
  record Position(long lastAt, String id) {

    /** The page key a cursor carries: the last conversation's time and id. */
    static String of(Conversation c) {
      return c.lastAt().toEpochMilli() + ":" + c.id();
    }

    static Position parse(String after) {
      if (after == null || after.isEmpty()) {
        return null;
      }
      int colon = after.indexOf(':');
      try {
        return new Position(Long.parseLong(after.substring(0, colon)), after.substring(colon + 1));
      } catch (RuntimeException e) {
        throw new DomainException.Invalid("cursor", "problem.cursor");
      }
    }
  }

  /** The page key of a conversation, for {@link org.socius.platform.Cursor.Page#of}. */
  public static String key(Conversation c) {
    return Position.of(c);
  }
}
