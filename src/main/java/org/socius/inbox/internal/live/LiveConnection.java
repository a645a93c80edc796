package org.socius.inbox.internal.live;

import java.io.IOException;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open page of a member: its event stream and the last event id it was sent. Sends are
 * serialised per connection (the poller, the heartbeat and a replay may meet here), and an event
 * at or below the cursor is never sent twice.
 */
final class LiveConnection {

  final String workspaceId;
  final String workspaceSlug;
  final String memberId;
  final Locale locale;
  final SseEmitter emitter;
  private long cursor;
  private boolean closed;

  LiveConnection(String workspaceId, String workspaceSlug, String memberId, Locale locale, SseEmitter emitter, long cursor) {
    this.workspaceId = workspaceId;
    this.workspaceSlug = workspaceSlug;
    this.memberId = memberId;
    this.locale = locale;
    this.emitter = emitter;
    this.cursor = cursor;
  }

  synchronized long cursor() {
    return cursor;
  }

  synchronized void cursor(long value) {
    cursor = value;
  }

  /** Sends the event unless this page had it already; false when the page is gone. */
  synchronized boolean deliver(LiveEvent event, Supplier<String> data) {
    if (closed || event.id() <= cursor) {
      return !closed;
    }
    cursor = event.id();
    return send(SseEmitter.event().id(Long.toString(event.id())).name(event.kind()).data(data.get()));
  }

  /** The greeting of a (re)connect, without an id (it does not move the browser's Last-Event-ID). */
  synchronized boolean hello(String data, long reconnectMillis) {
    return !closed && send(SseEmitter.event().name("hello").reconnectTime(reconnectMillis).data(data));
  }

  /** A comment line, which keeps proxies from closing an idle stream and finds pages that are gone. */
  synchronized boolean heartbeat() {
    return !closed && send(SseEmitter.event().comment("keep-alive"));
  }

  synchronized void close() {
    if (!closed) {
      closed = true;
      try {
        emitter.complete();
      } catch (RuntimeException ignored) {
        // already completed by the container
      }
    }
  }

  synchronized boolean closed() {
    return closed;
  }

  private boolean send(SseEmitter.SseEventBuilder event) {
    try {
      emitter.send(event);
      return true;
    } catch (IOException | IllegalStateException e) {
      closed = true; // the browser went away; the container completes the request
      return false;
    }
  }
}
