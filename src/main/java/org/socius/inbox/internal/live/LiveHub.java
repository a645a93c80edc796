package org.socius.inbox.internal.live;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socius.inbox.Inbox;
import org.socius.team.Member;
import org.socius.team.Workspace;
import org.socius.team.Workspaces;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open pages connected to this node. One thread follows live_events by id (about once a
 * second) and pushes each event to the pages of its workspace — the news may have been stored
 * on any node — and sends a heartbeat comment now and then. A connection holds no thread: it is
 * a servlet async request that ends after a while, when the browser reconnects with the last id
 * it saw and gets what it missed. Sends go out on that one thread: a page whose connection stalls
 * holds it up only until the socket's buffer is full and the write fails, when the page is dropped.
 */
@Component
class LiveHub implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(LiveHub.class);
  static final int BATCH = 500;
  /** At most this many missed events are replayed to a reconnecting page; older news it reads on the inbox page. */
  static final int REPLAY = 500;
  /** News older than this when it reaches a page (a replay after a long absence) updates the page but pops nothing up. */
  static final Duration FRESH = Duration.ofMinutes(2);
  /** How soon a browser reconnects after the stream ends (the SSE {@code retry} field). */
  static final long RECONNECT_MILLIS = 3000;

  private final LiveEventStore events;
  private final NotificationSettingsStore settings;
  private final Workspaces workspaces;
  private final Inbox inbox;
  private final MessageSource messages;
  private final JsonMapper json;
  private final java.time.Clock clock;
  private final Duration pollInterval;
  private final Duration heartbeatInterval;
  private final Duration timeout;
  private final int maxConnections;

  private final Map<String, Set<LiveConnection>> byWorkspace = new ConcurrentHashMap<>();
  private final AtomicInteger open = new AtomicInteger();
  private ScheduledExecutorService timer;
  private volatile long lastSeen;
  private volatile boolean running;

  LiveHub(LiveEventStore events, NotificationSettingsStore settings, Workspaces workspaces, Inbox inbox,
      MessageSource messages, JsonMapper json, java.time.Clock clock, @Value("${socius.live.poll-interval:1s}") Duration pollInterval,
      @Value("${socius.live.heartbeat-interval:20s}") Duration heartbeatInterval,
      @Value("${socius.live.timeout:10m}") Duration timeout, @Value("${socius.live.max-connections:2000}") int maxConnections) {
    this.events = events;
    this.settings = settings;
    this.workspaces = workspaces;
    this.inbox = inbox;
    this.messages = messages;
    this.json = json;
    this.clock = clock;
    this.pollInterval = pollInterval;
    this.heartbeatInterval = heartbeatInterval;
    this.timeout = timeout;
    this.maxConnections = maxConnections;
  }

  /**
   * Opens a stream for a member's page. With the id of the last event the page saw, the events
   * of the workspace after it are sent first; without, the stream starts from now.
   */
  SseEmitter open(Member member, Locale locale, Long lastEventId) {
    if (open.incrementAndGet() > maxConnections) {
      open.decrementAndGet();
      throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE,
          "Too many open live pages on this node; the browser tries again by itself");
    }
    SseEmitter emitter = new SseEmitter(timeout.toMillis());
    LiveConnection c = new LiveConnection(member.workspaceId(), member.workspaceSlug(), member.memberId(), locale, emitter, 0);
    emitter.onCompletion(() -> remove(c));
    emitter.onTimeout(() -> {
      remove(c);
      c.close();
    });
    emitter.onError(e -> remove(c));
    // registered before reading, so that whatever the poller reads from now on reaches this page
    // too; the connection's lock holds the poller back until the replay has caught up
    synchronized (c) {
      byWorkspace.computeIfAbsent(c.workspaceId, k -> ConcurrentHashMap.newKeySet()).add(c);
      try {
        if (lastEventId == null) {
          c.cursor(events.latestId());
        } else {
          c.cursor(lastEventId);
          push(c.workspaceId, events.after(c.workspaceId, lastEventId, REPLAY), Set.of(c));
        }
        Map<String, Object> hello = new LinkedHashMap<>();
        hello.put("open", inbox.openCountUpTo(c.workspaceId, RecordLiveEvent.BADGE_CAP));
        c.hello(write(hello), RECONNECT_MILLIS);
      } catch (RuntimeException e) {
        remove(c);
        c.close();
        throw e;
      }
    }
    return emitter;
  }

  int connections() {
    return open.get();
  }

  private void remove(LiveConnection c) {
    Set<LiveConnection> set = byWorkspace.get(c.workspaceId);
    if (set != null && set.remove(c)) {
      open.decrementAndGet();
    }
  }

  /** Reads what is new since the last look and pushes it to the pages here. */
  void poll() {
    try {
      if (open.get() == 0) {
        lastSeen = Math.max(lastSeen, events.latestId()); // nobody to tell: just keep up
        return;
      }
      List<LiveEvent> batch;
      do {
        batch = events.after(lastSeen, BATCH);
        Map<String, List<LiveEvent>> perWorkspace = batch.stream()
            .collect(Collectors.groupingBy(LiveEvent::workspaceId, LinkedHashMap::new, Collectors.toList()));
        perWorkspace.forEach((ws, list) -> {
          Set<LiveConnection> here = byWorkspace.get(ws);
          if (here != null && !here.isEmpty()) {
            push(ws, list, here);
          }
        });
        if (!batch.isEmpty()) {
          lastSeen = batch.get(batch.size() - 1).id();
        }
      } while (batch.size() == BATCH && running);
    } catch (RuntimeException e) {
      log.warn("Live events not read: {}", e.toString());
    }
  }

  private void push(String workspaceId, List<LiveEvent> list, Set<LiveConnection> to) {
    if (list.isEmpty()) {
      return;
    }
    Map<String, NotificationSettings> choices =
        settings.of(workspaceId, to.stream().map(c -> c.memberId).collect(Collectors.toSet()));
    ZoneId zone = workspaces.find(workspaceId).map(Workspace::timeZone).orElse(ZoneOffset.UTC);
    for (LiveEvent e : list) {
      for (LiveConnection c : to) {
        if (e.isFor(c.memberId) && !c.deliver(e, () -> render(e, c, choices.get(c.memberId), zone))) {
          remove(c);
        }
      }
    }
  }

  /** The event as this member's page gets it: with texts in their language and whether to show it on screen. */
  String render(LiveEvent e, LiveConnection c, NotificationSettings s, ZoneId workspaceZone) {
    Map<String, Object> data = json.readValue(e.payload(), LinkedHashMap.class);
    NotificationKind kind = kind(String.valueOf(data.get("type")));
    if (kind == null) {
      return e.payload();
    }
    String person = String.valueOf(data.getOrDefault("personName", ""));
    // a new item on a conversation assigned to someone else is theirs to be told about on screen
    Object assignee = data.get("assigneeMemberId");
    boolean mine = assignee == null || assignee.equals(c.memberId);
    var now = clock.instant();
    boolean fresh = now.toEpochMilli() - e.createdAt() < FRESH.toMillis();
    data.put("notify", mine && fresh && NotifyRules.notify(s, kind, now, workspaceZone));
    data.put("label", messages.getMessage("live.kind." + kind.code(), null, c.locale));
    data.put("title", messages.getMessage("live.title." + kind.code(), new Object[] {person}, c.locale));
    data.put("body", data.getOrDefault("excerpt", ""));
    data.put("url", "/w/" + c.workspaceSlug + "/inbox/" + data.get("conversationId"));
    data.remove("assigneeMemberId");
    data.remove("byMemberId");
    return write(data);
  }

  private static NotificationKind kind(String code) {
    for (NotificationKind k : NotificationKind.values()) {
      if (k.code().equals(code)) {
        return k;
      }
    }
    return null;
  }

  private String write(Object value) {
    return json.writeValueAsString(value);
  }

  private void heartbeat() {
    for (Set<LiveConnection> set : byWorkspace.values()) {
      for (LiveConnection c : set) {
        if (!c.heartbeat()) {
          remove(c);
        }
      }
    }
  }

  @Override
  public void start() {
    lastSeen = events.latestId();
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "socius-live");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(this::poll, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    timer.scheduleWithFixedDelay(this::heartbeat, heartbeatInterval.toMillis(), heartbeatInterval.toMillis(), TimeUnit.MILLISECONDS);
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    if (timer != null) {
      timer.shutdownNow();
    }
    byWorkspace.values().forEach(set -> set.forEach(LiveConnection::close));
    byWorkspace.clear();
    open.set(0);
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
