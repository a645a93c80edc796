package org.socius.inbox.internal;

import java.util.Locale;
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

  /**
   * The filter from request parameters; blank means any. {@code assignee} is a member id,
   * {@code me} or {@code none}; {@code type} and {@code state} are lower-case codes (state
   * {@code all} is any).
   */
  public static InboxFilter parse(String memberId, String channel, String type, String person, String assignee, String state) {
    String who = blank(assignee) ? null : assignee.strip();
    return new InboxFilter(blank(channel) ? null : channel.strip(), type(type), blank(person) ? null : person.strip(),
        who == null || who.equals("none") ? null : who.equals("me") ? memberId : who, "none".equals(who),
        blank(state) || state.strip().equals("all") ? null : ConversationState.of(state.strip()));
  }

  public static InboxItemType type(String code) {
    if (blank(code)) {
      return null;
    }
    for (InboxItemType t : InboxItemType.values()) {
      if (code(t).equals(code.strip())) {
        return t;
      }
    }
    throw new DomainException.Invalid("type", "problem.inbox.type");
  }

  /** mention, reply, direct_message or new_follower. */
  public static String code(InboxItemType t) {
    return t.name().toLowerCase(Locale.ROOT);
  }

  /** newest (the default) or oldest. */
  public static boolean newestFirst(String order) {
    if (blank(order) || order.strip().equals("newest")) {
      return true;
    }
    if (order.strip().equals("oldest")) {
      return false;
    }
    throw new DomainException.Invalid("order", "problem.inbox.order");
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

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
