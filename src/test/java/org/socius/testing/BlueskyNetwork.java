package org.socius.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local AT Protocol network ({@code scripts/bluesky-devnet}): started once per test JVM (the
 * script returns at once when it already runs), and a small XRPC client to act as other people.
 */
public final class BlueskyNetwork {

  private static BlueskyNetwork instance;

  private final Map<String, String> env;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final JsonMapper json = JsonMapper.builder().build();

  private BlueskyNetwork(Map<String, String> env) {
    this.env = env;
  }

  public static synchronized BlueskyNetwork get() {
    if (instance == null) {
      Path script = Path.of("scripts/bluesky-devnet").toAbsolutePath();
      Path envFile = Path.of("target/bluesky-devnet.env").toAbsolutePath();
      int exit;
      try {
        Files.createDirectories(envFile.getParent());
        Process p = new ProcessBuilder("bash", script.toString(), "start", "--env-file", envFile.toString(), "--access-token-ttl", "5s")
            .redirectErrorStream(true).redirectOutput(Path.of("target/bluesky-devnet-start.log").toFile()).start();
        exit = p.waitFor(20, TimeUnit.MINUTES) ? p.exitValue() : -1;
      } catch (IOException e) {
        exit = -2;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exit = -3;
      }
      Prerequisites.require(exit == 0, "the local Bluesky network did not start (scripts/bluesky-devnet start exited " + exit
          + "; see target/bluesky-devnet-start.log)");
      Properties props = new Properties();
      try (var reader = Files.newBufferedReader(envFile)) {
        props.load(reader);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      Map<String, String> map = new HashMap<>();
      props.forEach((k, v) -> map.put((String) k, (String) v));
      instance = new BlueskyNetwork(map);
    }
    return instance;
  }

  public String pds() {
    return env.get("BLUESKY_PDS_URL");
  }

  public String plc() {
    return env.get("BLUESKY_PLC_URL");
  }

  public String handleDomain() {
    return env.getOrDefault("BLUESKY_HANDLE_DOMAIN", ".test");
  }

  /** Seconds an access token lives on this network. */
  public long accessTokenTtlSeconds() {
    return Long.parseLong(env.getOrDefault("BLUESKY_ACCESS_TOKEN_TTL", "7200").replaceAll("[^0-9]", ""));
  }

  /** Socius settings that point it at this network. */
  public Map<String, String> sociusProperties() {
    return Map.of("socius.bluesky.plc-url", plc(), "socius.bluesky.service-url", pds(), "socius.bluesky.web-url", "https://bsky.app");
  }

  /** A person on the network. */
  public record Account(String did, String handle, String password, String accessJwt) {}

  public Account createAccount(String name) {
    String handle = (name + UUID.randomUUID().toString().substring(0, 6)).toLowerCase() + handleDomain();
    String password = "pw-" + UUID.randomUUID();
    JsonNode r = call("POST", "com.atproto.server.createAccount", null,
        Map.of("email", handle.replace(".", "-") + "@socius.test", "handle", handle, "password", password));
    return new Account(r.path("did").asString(), r.path("handle").asString(), password, r.path("accessJwt").asString());
  }

  /** A fresh session (access tokens here live only seconds). */
  public Account session(Account a) {
    JsonNode r = call("POST", "com.atproto.server.createSession", null, Map.of("identifier", a.handle(), "password", a.password()));
    return new Account(a.did(), a.handle(), a.password(), r.path("accessJwt").asString());
  }

  public String appPassword(Account a) {
    return call("POST", "com.atproto.server.createAppPassword", session(a).accessJwt(), Map.of("name", "socius-" + UUID.randomUUID()))
        .path("password").asString();
  }

  public void setProfile(Account a, String displayName, String bio) {
    call("POST", "com.atproto.repo.putRecord", session(a).accessJwt(), Map.of("repo", a.did(), "collection", "app.bsky.actor.profile",
        "rkey", "self", "record", Map.of("$type", "app.bsky.actor.profile", "displayName", displayName, "description", bio)));
  }

  /** Follows; returns the follow record's at:// URI. */
  public String follow(Account who, String did) {
    return createRecord(who, "app.bsky.graph.follow", Map.of("$type", "app.bsky.graph.follow", "subject", did, "createdAt", now()))
        .path("uri").asString();
  }

  public void deleteRecord(Account who, String atUri) {
    String[] p = atUri.substring("at://".length()).split("/");
    call("POST", "com.atproto.repo.deleteRecord", session(who).accessJwt(), Map.of("repo", p[0], "collection", p[1], "rkey", p[2]));
  }

  /** Creates a post; returns {uri, cid}. */
  public JsonNode post(Account who, String text, Map<String, Object> extra) {
    Map<String, Object> record = new HashMap<>(extra);
    record.put("$type", "app.bsky.feed.post");
    record.put("text", text);
    record.put("createdAt", now());
    return createRecord(who, "app.bsky.feed.post", record);
  }

  public JsonNode createRecord(Account who, String collection, Map<String, Object> record) {
    return call("POST", "com.atproto.repo.createRecord", session(who).accessJwt(),
        Map.of("repo", who.did(), "collection", collection, "record", record));
  }

  public JsonNode getRecord(String atUri) {
    String[] p = atUri.substring("at://".length()).split("/");
    return call("GET", "com.atproto.repo.getRecord?repo=" + p[0] + "&collection=" + p[1] + "&rkey=" + p[2], null, null);
  }

  /** How many followers the AppView counts for the account. */
  public long followersCount(Account a) {
    return call("GET", "app.bsky.actor.getProfile?actor=" + a.did(), session(a).accessJwt(), null).path("followersCount").asLong();
  }

  /** How many posts the account has in its repository. */
  public int postCount(Account a) {
    JsonNode r = call("GET", "com.atproto.repo.listRecords?repo=" + a.did() + "&collection=app.bsky.feed.post&limit=100", null, null);
    return r.path("records").size();
  }

  public JsonNode call(String method, String nsidAndQuery, String bearer, Object body) {
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(pds() + "/xrpc/" + nsidAndQuery)).header("Accept", "application/json");
      if (bearer != null) {
        b.header("Authorization", "Bearer " + bearer);
      }
      if (body != null) {
        b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
      } else {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      }
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (r.statusCode() >= 300) {
        throw new IllegalStateException(nsidAndQuery + " answered " + r.statusCode() + ": " + r.body());
      }
      return r.body().isEmpty() ? json.nullNode() : json.readTree(r.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String now() {
    return java.time.Instant.now().toString();
  }
}
