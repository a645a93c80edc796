package org.socius.inbox.internal.web;

import java.util.List;
import java.util.Map;
import org.socius.people.Strength;

/**
 * A conversation with the person's card beside it.
 *
 * @param firstResponse "answered by … after …", or empty
 * @param signature what is appended to a reply on this brand workspace, or empty
 * @param replyKind reply, direct or mention: what the form sends
 */
public record ConversationPage(String id, String personName, String handle, String type, String channel, String state,
    String assigneeId, String assignee, Map<String, String> assignees, String firstResponse, List<Line> thread, Card card,
    boolean canAct, String replyKind, String signature, String formKey) {

  /**
   * One item.
   *
   * @param theirs their words (or follow); otherwise ours by {@code who}
   * @param reactable a post of theirs that can be liked or reposted
   */
  public record Line(String id, boolean theirs, String type, String who, String text, String url, String when, String iso,
      boolean reactable) {}

  /** The person's card; {@code personId} empty when People does not know them (then only the account shows). */
  public record Card(String personId, String name, List<Account> accounts, Strength strength, List<Contact> contacts,
      List<Note> notes) {}

  public record Account(String network, String handle, String bio, String profileUrl) {}

  public record Contact(String kind, String direction, String who, String text, String when, String iso) {}

  public record Note(String body, String author, String when) {}
}
