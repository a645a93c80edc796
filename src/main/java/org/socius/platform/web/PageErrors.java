package org.socius.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.socius.platform.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Domain failures in page controllers become an error page with the reason in words. */
@ControllerAdvice(annotations = PageController.class)
class PageErrors {

  private final MessageSource messages;

  PageErrors(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(DomainException.class)
  ModelAndView domain(DomainException e, HttpServletRequest request) {
    var status = ApiProblems.statusOf(e);
    ModelAndView view = new ModelAndView("shell/error",
        Map.of("ui", Ui.bare(messages, request), "status", status.value(), "message", e.messageIn(org.springframework.context.i18n.LocaleContextHolder.getLocale())));
    view.setStatus(status);
    return view;
  }
}
