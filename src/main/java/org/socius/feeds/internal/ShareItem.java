package org.socius.feeds.internal;

import org.socius.feeds.internal.parse.Links;
import org.socius.platform.DomainException;
import org.socius.publishing.Drafts;
import org.socius.publishing.PostKind;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Share: a draft for the member to finish, never a post that goes out by itself, with the item's
 * title, its link without tracking parameters, and credit to its author ("via @handle" where the
 * author's profile is known, else the site's name); labelled a share for the value-first ratio.
 */
@Component
public class ShareItem {

  private final ItemStore items;
  private final Drafts drafts;
  private final MessageSource messages;

  ShareItem(ItemStore items, Drafts drafts, MessageSource messages) {
    this.items = items;
    this.drafts = drafts;
    this.messages = messages;
  }

  public record Shared(String draftId, String text, String link) {}

  public Shared share(Member member, String itemId) {
    member.require(Role.EDITOR);
    ItemStore.FullItem item = items.inWorkspace(member.workspaceId(), member.memberId(), itemId)
        .orElseThrow(() -> new DomainException.NotFound("feeds.problem.item"));
    String link = Links.withoutTracking(item.url());
    String credit = Credit.of(item);
    String text = text(item.title(), link, credit);
    String id = drafts.draft(member.workspaceId(), member.memberId(), text, link, PostKind.SHARE);
    return new Shared(id, text, link);
  }

  String text(String title, String link, String credit) {
    return text(title, null, link, credit);
  }

  /** Title, the quoted words (in quotation marks), the link and the credit, a paragraph each. */
  String text(String title, String quote, String link, String credit) {
    StringBuilder t = new StringBuilder();
    if (title != null && !title.isBlank()) {
      t.append(title.strip());
    }
    if (quote != null && !quote.isBlank()) {
      t.append(t.length() == 0 ? "" : "\n\n").append(messages.getMessage("feeds.share.quote", new Object[] {quote.strip()},
          LocaleContextHolder.getLocale()));
    }
    if (link != null) {
      t.append(t.length() == 0 ? "" : "\n\n").append(link);
    }
    if (credit != null && !credit.isBlank()) {
      t.append(t.length() == 0 ? "" : "\n\n").append(messages.getMessage("feeds.share.via", new Object[] {credit},
          LocaleContextHolder.getLocale()));
    }
    return t.toString();
  }
}
