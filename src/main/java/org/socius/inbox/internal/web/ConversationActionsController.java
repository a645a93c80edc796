package org.socius.inbox.internal.web;

import java.util.function.Consumer;
import org.socius.inbox.internal.AssignConversation;
import org.socius.inbox.internal.CloseConversation;
import org.socius.inbox.internal.ReactInConversation;
import org.socius.inbox.internal.ReopenConversation;
import org.socius.inbox.internal.ReplyInConversation;
import org.socius.inbox.internal.UnassignConversation;
import org.socius.networks.PersonalMessages;
import org.socius.platform.DomainException;
import org.socius.platform.web.PageController;
import org.socius.team.Member;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms of a conversation; each goes back to it. A refused field or a form letter comes back
 * with the reason (and the words kept); a refusal of the request itself is an error page.
 */
@PageController
class ConversationActionsController {

  private final AssignConversation assign;
  private final UnassignConversation unassign;
  private final CloseConversation close;
  private final ReopenConversation reopen;
  private final ReplyInConversation reply;
  private final ReactInConversation react;

  ConversationActionsController(AssignConversation assign, UnassignConversation unassign, CloseConversation close,
      ReopenConversation reopen, ReplyInConversation reply, ReactInConversation react) {
    this.assign = assign;
    this.unassign = unassign;
    this.close = close;
    this.reopen = reopen;
    this.reply = reply;
    this.react = react;
  }

  @PostMapping("/w/{slug}/inbox/{conversationId}/assignee")
  String assign(Member member, @PathVariable String conversationId, @RequestParam(defaultValue = "") String assignee,
      RedirectAttributes redirect) {
    return act(member, conversationId, redirect, assignee.isBlank() ? "inbox-unassigned" : "inbox-assigned",
        m -> {
          if (assignee.isBlank()) {
            unassign.unassign(m, conversationId);
          } else {
            assign.assign(m, conversationId, assignee);
          }
        });
  }

  @PostMapping("/w/{slug}/inbox/{conversationId}/done")
  String done(Member member, @PathVariable String conversationId, RedirectAttributes redirect) {
    return act(member, conversationId, redirect, "inbox-done", m -> close.close(m, conversationId));
  }

  @PostMapping("/w/{slug}/inbox/{conversationId}/reopen")
  String reopen(Member member, @PathVariable String conversationId, RedirectAttributes redirect) {
    return act(member, conversationId, redirect, "inbox-reopened", m -> reopen.reopen(m, conversationId));
  }

  @PostMapping("/w/{slug}/inbox/{conversationId}/replies")
  String reply(Member member, @PathVariable String conversationId, @RequestParam(defaultValue = "") String text,
      @RequestParam(defaultValue = "") String formKey, @RequestParam(required = false) String confirmFormLetter,
      RedirectAttributes redirect) {
    try {
      reply.reply(member, conversationId, text, "true".equals(confirmFormLetter), formKey);
      redirect.addFlashAttribute("notice", "inbox-sent");
    } catch (DomainException.Invalid | DomainException.Conflict | DomainException.Upstream e) {
      redirect.addFlashAttribute("problem", e.messageIn(LocaleContextHolder.getLocale()));
      redirect.addFlashAttribute("draft", text);
      if (e instanceof DomainException.Conflict) {
        redirect.addFlashAttribute("confirm", "true"); // a form letter: the person decides again
      }
    }
    return back(member, conversationId);
  }

  @PostMapping("/w/{slug}/inbox/{conversationId}/items/{itemId}/like")
  String like(Member member, @PathVariable String conversationId, @PathVariable String itemId, RedirectAttributes redirect) {
    return act(member, conversationId, redirect, "inbox-liked",
        m -> react.react(m, conversationId, itemId, PersonalMessages.Reaction.LIKE));
  }

  @PostMapping("/w/{slug}/inbox/{conversationId}/items/{itemId}/repost")
  String repost(Member member, @PathVariable String conversationId, @PathVariable String itemId, RedirectAttributes redirect) {
    return act(member, conversationId, redirect, "inbox-reposted",
        m -> react.react(m, conversationId, itemId, PersonalMessages.Reaction.REPOST));
  }

  private static String act(Member member, String conversationId, RedirectAttributes redirect, String notice,
      Consumer<Member> action) {
    try {
      action.accept(member);
      redirect.addFlashAttribute("notice", notice);
    } catch (DomainException.Invalid | DomainException.Upstream e) {
      redirect.addFlashAttribute("problem", e.messageIn(LocaleContextHolder.getLocale()));
    }
    return back(member, conversationId);
  }

  private static String back(Member member, String conversationId) {
    return "redirect:/w/" + member.workspaceSlug() + "/inbox/" + conversationId;
  }
}
