package org.socius.inbox.internal.live;

import java.util.Locale;
import org.socius.inbox.InboxItemType;

/** What a member can choose to be notified of on screen. */
public enum NotificationKind {
  MENTION,
  REPLY,
  DIRECT_MESSAGE,
  NEW_FOLLOWER,
  ASSIGNED;

  public static NotificationKind of(InboxItemType type) {
    return switch (type) {
      case MENTION -> MENTION;
      case REPLY -> REPLY;
      case DIRECT_MESSAGE -> DIRECT_MESSAGE;
      case NEW_FOLLOWER -> NEW_FOLLOWER;
    };
  }

  /** The name in forms, message keys and the pushed events: {@code direct-message}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
