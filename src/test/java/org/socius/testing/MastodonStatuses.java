package org.socius.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local Mastodon server that is fast enough for thousands of channels and posts and tells
 * exactly what it received: every {@code POST /api/v1/statuses} is kept as a {@link Request}, and
 * {@link #createdPerKey} counts the statuses made per account and idempotency key, so a
 * duplicate shows instead of being hidden. Any bearer token {@code tok-<name>} is an account
 * named {@code <name>}, so one server holds as many accounts as a test connects.
 *
 * <p>Faults sit where exactly-once delivery is tested: {@link #latency} and {@link #hangNext}
 * hold the answer after the status was made (the server accepted, the client has not yet heard),
 * {@link #failNext} answers an error without making anything, and {@link #forgetKeys} turns the
 * idempotency memory off to prove that a checker notices duplicates.
 */
public final class MastodonStatuses implements AutoCloseable {

  /** What a statuses request did: made a status, was answered with the one its key made, or was refused. */
  public enum Outcome { CREATED, REPEAT, REFUSED }

  /** One {@code POST /api/v1/statuses} as received; {@code statusId} is null when refused. */
  public record Request(String token, String idempotencyKey, String text, Instant receivedAt, Outcome outcome, String statusId,
      int httpStatus) {
    public boolean created() {
      return outcome == Outcome.CREATED;
    }
  }

  /** A status on the server, with the JSON it is answered as. */
  public record Status(String id, String token, String idempotencyKey, String text, String visibility, List<String> mediaIds,
      Instant createdAt, String url, String json) {}

  private record Account(String id, String username, ObjectNode json, byte[] credentials) {}

  private record Failure(int httpStatus, int retryAfterSeconds) {}

  static {
    // the JDK server writes headers and body apart; with Nagle on, each answer waits ~40 ms for an ACK.
    // Read once, when the first server of the JVM starts.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private static final Pattern TOKEN = Pattern.compile("tok-([A-Za-z0-9_.-]{1,200})");
  private static final Pattern MEDIA = Pattern.compile("/api/v1/media/([^/]+)");
  private static final Pattern FOLLOWERS = Pattern.compile("/api/v1/accounts/([^/]+)/followers");
  private static final Pattern ACCOUNT_STATUSES = Pattern.compile("/api/v1/accounts/([^/]+)/statuses");
  private static final Pattern REACTION = Pattern.compile("/api/v1/statuses/([^/]+)/(favourite|reblog)");

  /** A favourite or reblog the server was asked for (each request, so repeats show). */
  public record Reaction(String token, String statusId, String kind) {}

  private final HttpServer server;
  private final ExecutorService pool;
  private final String base;
  private final Map<String, Account> accounts = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> media = new ConcurrentHashMap<>();
  private final Map<String, String> mediaOwner = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(110_000_000_000L);
  private final AtomicInteger accountIds = new AtomicInteger(1000);
  private final AtomicInteger hang = new AtomicInteger();
  // guarded by this
  private final List<Request> requests = new ArrayList<>();
  private final Map<String, Status> statuses = new LinkedHashMap<>();
  private final Map<String, Status> byKey = new HashMap<>();
  private final Map<String, Integer> perKey = new LinkedHashMap<>();
  private final List<Failure> failures = new ArrayList<>();
  private final List<Reaction> reactions = new ArrayList<>();
  private boolean remember = true;
  private CountDownLatch gate = new CountDownLatch(1);
  private volatile Duration latency = Duration.ZERO;
  private volatile int maxCharacters = 500;
  private volatile boolean closed;

  /** A server on 127.0.0.1 with 64 handler threads (each answer held by latency or a hang keeps one). */
  public MastodonStatuses() {
    this(64);
  }

  public MastodonStatuses(int threads) {
    AtomicInteger n = new AtomicInteger();
    pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "mastodon-statuses-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot open a local port", e);
    }
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public String url() {
    return base;
  }

  /** The account name a token stands for: what follows {@code tok-}. */
  public static String username(String token) {
    Matcher m = TOKEN.matcher(token);
    if (!m.matches()) {
      throw new IllegalArgumentException("Not a token of this server: " + token);
    }
    return m.group(1);
  }

  /** How {@link #createdPerKey} names a key: idempotency keys are per account, as on Mastodon. */
  public static String key(String token, String idempotencyKey) {
    return username(token) + "/" + idempotencyKey;
  }

  /** The length limit that {@code /api/v2/instance} announces (500 unless set). */
  public MastodonStatuses maxCharacters(int max) {
    maxCharacters = max;
    return this;
  }

  /** How long every statuses request waits between being decided (status made) and being answered. */
  public MastodonStatuses latency(Duration wait) {
    latency = wait;
    return this;
  }

  /** The next {@code n} new statuses are made, but their answers wait for {@link #release} or {@link #close}. */
  public MastodonStatuses hangNext(int n) {
    hang.addAndGet(n);
    return this;
  }

  /** Sends the answers that {@link #hangNext} holds. */
  public synchronized void release() {
    gate.countDown();
    gate = new CountDownLatch(1);
  }

  /** The next {@code n} statuses requests get {@code httpStatus} and make nothing; a 429 says Retry-After 1. */
  public MastodonStatuses failNext(int n, int httpStatus) {
    return failNext(n, httpStatus, httpStatus == 429 ? 1 : -1);
  }

  /** As {@link #failNext(int, int)}, with a {@code Retry-After} of that many seconds (none when negative). */
  public synchronized MastodonStatuses failNext(int n, int httpStatus, int retryAfterSeconds) {
    for (int i = 0; i < n; i++) {
      failures.add(new Failure(httpStatus, retryAfterSeconds));
    }
    return this;
  }

  /** From now on a repeated key makes a new status, as a server without idempotency would. */
  public synchronized MastodonStatuses forgetKeys() {
    remember = false;
    byKey.clear();
    return this;
  }

  /** Back to Mastodon's rule: a repeated key is answered with the status it made. */
  public synchronized MastodonStatuses rememberKeys() {
    remember = true;
    return this;
  }

  /** Every statuses request so far, in the order they were decided. */
  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Waits until at least {@code n} statuses requests were decided; false when the time ran out. */
  public synchronized boolean awaitRequests(int n, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (requests.size() < n) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  /** How many statuses were made. */
  public synchronized int created() {
    return statuses.size();
  }

  /** Statuses made per {@link #key account and idempotency key}; every value is 1 when nothing was duplicated. */
  public synchronized Map<String, Integer> createdPerKey() {
    return Map.copyOf(perKey);
  }

  /** How many account-and-key pairs made more than one status. */
  public synchronized int duplicates() {
    return (int) perKey.values().stream().filter(c -> c > 1).count();
  }

  public synchronized Optional<Status> status(String id) {
    return Optional.ofNullable(statuses.get(id));
  }

  /** Favourites and reblogs asked for, in order. */
  public synchronized List<Reaction> reactions() {
    return List.copyOf(reactions);
  }

  /** The account id the server gave a token (made on first use). */
  public String accountId(String token) {
    return accounts.computeIfAbsent(token, this::newAccount).id();
  }

  public synchronized List<Status> statuses() {
    return List.copyOf(statuses.values());
  }

  @Override
  public void close() {
    closed = true;
    release();
    server.stop(0);
    pool.shutdownNow();
  }

  // ------------------------------------------------------------------------------------ serving

  private void handle(HttpExchange exchange) throws IOException {
    try {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      if (method.equals("GET") && path.equals("/api/v2/instance")) {
        send(exchange, 200, MastodonShapes.instance(base, maxCharacters, 23, 4));
        return;
      }
      if (method.equals("POST") && path.equals("/oauth/revoke")) {
        send(exchange, 200, MastodonShapes.JSON.createObjectNode());
        return;
      }
      Account account = account(exchange);
      if (method.equals("POST") && path.equals("/api/v1/statuses")) {
        postStatus(exchange, account, body);
      } else if (account == null) {
        send(exchange, 401, MastodonShapes.error("The access token is invalid"));
      } else if (method.equals("GET") && path.equals("/api/v1/accounts/verify_credentials")) {
        send(exchange, 200, account.credentials());
      } else if (method.equals("GET") && (path.equals("/api/v1/notifications") || path.equals("/api/v1/conversations"))) {
        send(exchange, 200, MastodonShapes.JSON.createArrayNode());
      } else if (method.equals("POST") && REACTION.matcher(path).matches()) {
        var m = REACTION.matcher(path);
        m.matches();
        react(exchange, exchange.getRequestHeaders().getFirst("Authorization").substring(7), m.group(1), m.group(2));
      } else if (method.equals("GET") && ACCOUNT_STATUSES.matcher(path).matches()) {
        var m = ACCOUNT_STATUSES.matcher(path);
        m.matches();
        send(exchange, 200, statusesOf(m.group(1)));
      } else if (method.equals("GET") && path.equals("/api/v1/accounts/familiar_followers")) {
        send(exchange, 200, MastodonShapes.JSON.createArrayNode()); // nobody in common on this server
      } else if (method.equals("GET") && FOLLOWERS.matcher(path).matches()) {
        send(exchange, 200, MastodonShapes.JSON.createArrayNode());
      } else if (method.equals("POST") && path.equals("/api/v2/media")) {
        upload(exchange, account, body);
      } else if (method.equals("GET") && MEDIA.matcher(path).matches()) {
        String id = path.substring(path.lastIndexOf('/') + 1);
        ObjectNode m = account.id().equals(mediaOwner.get(id)) ? media.get(id) : null;
        send(exchange, m == null ? 404 : 200, m == null ? MastodonShapes.error("Record not found") : m);
      } else {
        send(exchange, 404, MastodonShapes.error("Record not found"));
      }
    } catch (RuntimeException e) {
      if (exchange.getResponseCode() == -1) {
        send(exchange, 500, MastodonShapes.error("The test server failed: " + e));
      }
    } finally {
      exchange.close();
    }
  }

  private Account account(HttpExchange exchange) {
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    if (auth == null || !auth.startsWith("Bearer ") || !TOKEN.matcher(auth.substring(7)).matches()) {
      return null;
    }
    return accounts.computeIfAbsent(auth.substring(7), this::newAccount);
  }

  private Account newAccount(String token) {
    String id = String.valueOf(accountIds.incrementAndGet());
    ObjectNode json = MastodonShapes.account(base, id, username(token));
    return new Account(id, username(token), json, bytes(MastodonShapes.credentialAccount(json)));
  }

  /** Favourite and reblog are idempotent, as on Mastodon: asking again answers the same status. */
  private void react(HttpExchange exchange, String token, String statusId, String kind) throws IOException {
    Status status;
    synchronized (this) {
      status = statuses.get(statusId);
      if (status != null) {
        reactions.add(new Reaction(token, statusId, kind));
        notifyAll();
      }
    }
    if (status == null) {
      send(exchange, 404, MastodonShapes.error("Record not found"));
    } else {
      send(exchange, 200, status.json().getBytes(StandardCharsets.UTF_8));
    }
  }

  /** An account's statuses, newest first. */
  private synchronized JsonNode statusesOf(String accountId) {
    var array = MastodonShapes.JSON.createArrayNode();
    List<Status> all = new ArrayList<>(statuses.values());
    java.util.Collections.reverse(all);
    for (Status st : all) {
      Account owner = accounts.get(st.token());
      if (owner != null && owner.id().equals(accountId)) {
        array.add(MastodonShapes.JSON.readTree(st.json()));
      }
    }
    return array;
  }

  private void postStatus(HttpExchange exchange, Account account, byte[] body) throws IOException {
    Instant received = Instant.now();
    String token = account == null ? null : exchange.getRequestHeaders().getFirst("Authorization").substring(7);
    String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
    JsonNode json;
    try {
      json = MastodonShapes.JSON.readTree(body);
    } catch (JacksonException e) {
      json = MastodonShapes.JSON.missingNode();
    }
    String text = json.path("status").asString("");
    Decision decision = decide(account, token, key, json, text, received);
    if (decision.held() != null && !closed) {
      try {
        decision.held().await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    pause(latency);
    if (decision.failure() != null && decision.failure().retryAfterSeconds() >= 0) {
      exchange.getResponseHeaders().set("Retry-After", String.valueOf(decision.failure().retryAfterSeconds()));
    }
    send(exchange, decision.httpStatus(), decision.answer());
  }

  private record Decision(int httpStatus, byte[] answer, Failure failure, CountDownLatch held) {}

  /** Makes, finds or refuses the status in one step, so that concurrent repeats of a key see one status. */
  private synchronized Decision decide(Account account, String token, String key, JsonNode json, String text, Instant received) {
    Request request = new Request(token, key, text, received, Outcome.REFUSED, null, 0);
    if (!failures.isEmpty()) {
      Failure failure = failures.remove(0);
      return refuse(request, failure.httpStatus(), "Failing on purpose", failure);
    }
    if (account == null) {
      return refuse(request, 401, "The access token is invalid", null);
    }
    if (!json.isObject()) {
      return refuse(request, 422, "The body is not JSON", null);
    }
    Status existing = key == null || !remember ? null : byKey.get(token + "\n" + key);
    if (existing != null) {
      return record(new Request(token, key, text, received, Outcome.REPEAT, existing.id(), 200), ok(existing, null));
    }
    List<ObjectNode> attached = new ArrayList<>();
    for (JsonNode id : json.path("media_ids")) {
      ObjectNode m = account.id().equals(mediaOwner.get(id.asString())) ? media.get(id.asString()) : null;
      if (m == null) {
        return refuse(request, 422, "Validation failed: media not found", null);
      }
      attached.add(m);
    }
    if (text.isBlank() && attached.isEmpty()) {
      return refuse(request, 422, "Validation failed: Text can't be blank", null);
    }
    Status status = create(account, token, key, json, text, attached, received);
    CountDownLatch held = hang.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? gate : null;
    return record(new Request(token, key, text, received, Outcome.CREATED, status.id(), 200), ok(status, held));
  }

  private Decision refuse(Request r, int httpStatus, String message, Failure failure) {
    Decision refused = new Decision(httpStatus, bytes(MastodonShapes.error(message)), failure, null);
    return record(new Request(r.token(), r.idempotencyKey(), r.text(), r.receivedAt(), Outcome.REFUSED, null, httpStatus), refused);
  }

  private Status create(Account account, String token, String key, JsonNode json, String text, List<ObjectNode> attached,
      Instant at) {
    String id = String.valueOf(ids.incrementAndGet());
    String visibility = json.path("visibility").asString("public");
    String replyTo = json.path("in_reply_to_id").asString(null);
    Status parent = replyTo == null ? null : statuses.get(replyTo);
    String parentAccount = parent == null ? null : accounts.get(parent.token()).id();
    ObjectNode node = MastodonShapes.status(id, account.json(), text, visibility, replyTo, parentAccount, attached, at);
    Status status = new Status(id, token, key, text, visibility, attached.stream().map(m -> m.path("id").asString()).toList(), at,
        node.path("url").asString(), node.toString());
    statuses.put(id, status);
    if (key != null) {
      perKey.merge(key(token, key), 1, Integer::sum);
      if (remember) {
        byKey.put(token + "\n" + key, status);
      }
    }
    return status;
  }

  private Decision ok(Status status, CountDownLatch held) {
    return new Decision(200, status.json().getBytes(StandardCharsets.UTF_8), null, held);
  }

  private Decision record(Request request, Decision decision) {
    requests.add(request);
    notifyAll();
    return decision;
  }

  /** {@code POST /api/v2/media}: takes the description, answers a ready attachment at once. */
  private void upload(HttpExchange exchange, Account account, byte[] body) throws IOException {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    Map<String, String> parts = type == null ? Map.of() : Multipart.fields(body, type);
    if (!parts.containsKey("file")) {
      send(exchange, 422, MastodonShapes.error("Validation failed: File can't be blank"));
      return;
    }
    String id = String.valueOf(ids.incrementAndGet());
    ObjectNode m = MastodonShapes.media(base, id, parts.getOrDefault("description", ""));
    media.put(id, m);
    mediaOwner.put(id, account.id());
    send(exchange, 200, m);
  }

  private static void send(HttpExchange exchange, int status, JsonNode json) throws IOException {
    send(exchange, status, bytes(json));
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  private static byte[] bytes(JsonNode json) {
    return MastodonShapes.JSON.writeValueAsBytes(json);
  }

  private static void pause(Duration d) {
    if (d.isZero()) {
      return;
    }
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
