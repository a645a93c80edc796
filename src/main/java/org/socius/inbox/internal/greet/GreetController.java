package org.socius.inbox.internal.greet;

import jakarta.servlet.http.HttpServletResponse;
import org.socius.platform.DomainException;
import org.socius.platform.web.FormError;
import org.socius.platform.web.PageController;
import org.socius.platform.web.ApiProblems;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * New followers to greet: the open cards, and one card with the greeting form. The text box
 * starts empty, or with a starter the person picked; nothing is sent until they press Send.
 */
@PageController
class GreetController {

  static final int PAGE = 50;

  private final ReadGreetCard read;
  private final SendGreeting send;
  private final CloseGreetCard close;

  GreetController(ReadGreetCard read, SendGreeting send, CloseGreetCard close) {
    this.read = read;
    this.send = send;
    this.close = close;
  }

  @GetMapping("/w/{slug}/inbox/greet")
  String list(Member member, Model model) {
    model.addAttribute("slug", member.workspaceSlug());
    model.addAttribute("cards", read.list(member.workspaceId(), GreetCard.State.OPEN, null, null, PAGE));
    model.addAttribute("open", read.openCount(member.workspaceId()));
    return "inbox/greet-list";
  }

  /** From a new follower's inbox conversation to their card (or the list when there is none). */
  @GetMapping("/w/{slug}/inbox/greet/for")
  String forHandle(Member member, @RequestParam(defaultValue = "") String handle) {
    return "redirect:/w/" + member.workspaceSlug() + "/inbox/greet"
        + read.newestFor(member.workspaceId(), handle).map(id -> "/" + id).orElse("");
  }

  @GetMapping("/w/{slug}/inbox/greet/{cardId}")
  String card(Member member, @PathVariable String cardId, @RequestParam(required = false) Integer starter, Model model) {
    GreetCardView view = read.read(member.workspaceId(), cardId, LocaleContextHolder.getLocale());
    String text = starter != null && starter >= 0 && starter < view.starters().size() ? view.starters().get(starter) : "";
    return render(member, model, view, new GreetDraft(text, "", "", false), null);
  }

  @PostMapping("/w/{slug}/inbox/greet/{cardId}/send")
  String send(Member member, @PathVariable String cardId, @RequestParam(defaultValue = "") String text,
      @RequestParam(defaultValue = "") String how, @RequestParam(defaultValue = "") String replyTo,
      @RequestParam(defaultValue = "false") boolean confirmFormLetter, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      send.send(member, cardId, new SendGreeting.Form(text, how, replyTo, confirmFormLetter));
    } catch (DomainException.Invalid | DomainException.Upstream e) {
      response.setStatus(ApiProblems.statusOf(e).value());
      GreetCardView view = read.read(member.workspaceId(), cardId, LocaleContextHolder.getLocale());
      String field = e instanceof DomainException.Invalid invalid ? invalid.field() : "text";
      return render(member, model, view, new GreetDraft(text, how, replyTo, false),
          new FormError(field, e.messageIn(LocaleContextHolder.getLocale())));
    } catch (DomainException.Conflict e) {
      if (!"problem.form-letter".equals(e.key())) {
        throw e;
      }
      response.setStatus(409);
      GreetCardView view = read.read(member.workspaceId(), cardId, LocaleContextHolder.getLocale());
      return render(member, model, view, new GreetDraft(text, how, replyTo, true),
          new FormError("text", e.messageIn(LocaleContextHolder.getLocale())));
    }
    redirect.addFlashAttribute("notice", "greet-sent");
    return "redirect:/w/" + member.workspaceSlug() + "/inbox/greet";
  }

  @PostMapping("/w/{slug}/inbox/greet/{cardId}/close")
  String close(Member member, @PathVariable String cardId, @RequestParam(defaultValue = "") String reason,
      RedirectAttributes redirect) {
    close.close(member, cardId, reason);
    redirect.addFlashAttribute("notice", "greet-" + ("elsewhere".equals(reason) ? "elsewhere" : "skipped"));
    return "redirect:/w/" + member.workspaceSlug() + "/inbox/greet";
  }

  private String render(Member member, Model model, GreetCardView view, GreetDraft draft, FormError error) {
    model.addAttribute("slug", member.workspaceSlug());
    model.addAttribute("view", view);
    model.addAttribute("draft", draft);
    model.addAttribute("error", error);
    model.addAttribute("canSend", member.role().atLeast(Role.EDITOR));
    return "inbox/greet-card";
  }
}
