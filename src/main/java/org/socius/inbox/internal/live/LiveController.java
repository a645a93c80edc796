package org.socius.inbox.internal.live;

import jakarta.servlet.http.HttpServletResponse;
import org.socius.platform.DomainException;
import org.socius.team.Member;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live stream of a workspace for its signed-in members (Server-Sent Events): {@code item}
 * for each new inbox item, {@code assigned} when a conversation is given to the member, and a
 * {@code hello} with the open count on every (re)connect. A browser that reconnects sends the
 * last id it saw in {@code Last-Event-ID} and gets what it missed.
 */
@Controller
class LiveController {

  private final LiveHub hub;

  LiveController(LiveHub hub) {
    this.hub = hub;
  }

  @GetMapping(path = "/w/{slug}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @ResponseBody
  SseEmitter live(Member member, @RequestHeader(name = "Last-Event-ID", required = false) String header,
      @RequestParam(name = "after", required = false) String param, HttpServletResponse response) {
    // the browser sends the header when it reconnects by itself; a page that starts a new stream names it
    String lastEventId = header != null && !header.isBlank() ? header : param;
    Long after = null;
    if (lastEventId != null && !lastEventId.isBlank()) {
      try {
        after = Long.parseLong(lastEventId.strip());
      } catch (NumberFormatException e) {
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Last-Event-ID must be an id this stream sent");
      }
      if (after < 0) {
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Last-Event-ID must be an id this stream sent");
      }
    }
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Accel-Buffering", "no"); // a proxy must pass events on at once
    return hub.open(member, LocaleContextHolder.getLocale(), after);
  }

  /** A workspace the caller is not a member of does not exist for them (as on every page). */
  @ExceptionHandler(DomainException.class)
  ResponseEntity<String> refused(DomainException e) {
    HttpStatus status = e instanceof DomainException.NotFound ? HttpStatus.NOT_FOUND
        : e instanceof DomainException.Forbidden ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST;
    return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(e.messageIn(LocaleContextHolder.getLocale()));
  }
}
