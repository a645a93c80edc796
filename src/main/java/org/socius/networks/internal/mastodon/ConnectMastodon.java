package org.socius.networks.internal.mastodon;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socius.networks.Actor;
import org.socius.networks.Channel;
import org.socius.networks.Network;
import org.socius.networks.internal.AdapterException;
import org.socius.networks.internal.ChannelRegistry;
import org.socius.networks.internal.RemoteApi;
import org.socius.networks.internal.Session;
import org.socius.platform.DomainException;
import org.socius.platform.NetworkGuard;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * An owner connects a Mastodon account: {@link #start} registers Socius on the server (once per
 * server and redirect address) and gives the address of the server's consent page, with a state
 * and a PKCE challenge; {@link #finish} exchanges the code the server sends back for a token;
 * {@link #withToken} is the fallback for a token made in the server's settings. Either way the
 * token is checked with {@code verify_credentials} before anything is stored. A bad address, an
 * unreachable server or a refused token is a {@link DomainException.Invalid} in words, and
 * nothing is stored.
 *
 * <p>Scopes, the least the features need: {@code read:accounts} (verify_credentials, followers),
 * {@code read:notifications}, {@code read:statuses} (direct-message conversations),
 * {@code write:statuses}, {@code write:media}. Not {@code profile}: {@code read:accounts} covers
 * verify_credentials, and servers before 4.3 refuse to register an app that asks for
 * {@code profile}. Not {@code read:follows}: it covers follow requests and relationships, which
 * Socius does not read.
 */
@Service
public class ConnectMastodon {

  static final String SCOPES = "read:accounts read:notifications read:statuses write:statuses write:media";
  static final Duration PENDING_FOR = Duration.ofMinutes(30);

  private static final Logger log = LoggerFactory.getLogger(ConnectMastodon.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final RemoteApi api;
  private final MastodonApps apps;
  private final MastodonAdapter adapter;
  private final ChannelRegistry registry;
  private final NetworkGuard guard;
  private final Clock clock;

  ConnectMastodon(RemoteApi api, MastodonApps apps, MastodonAdapter adapter, ChannelRegistry registry, NetworkGuard guard,
      Clock clock) {
    this.api = api;
    this.apps = apps;
    this.adapter = adapter;
    this.registry = registry;
    this.guard = guard;
    this.clock = clock;
  }

  /** Registers the app if needed and returns where to send the person, and what to keep until they come back. */
  public PendingAuthorization start(Member member, String instanceUrl, String redirectUri) {
    member.require(Role.OWNER);
    String instance = InstanceUrl.normalise(instanceUrl, guard);
    MastodonApps.App app = apps.find(instance, redirectUri).filter(a -> a.scopes().equals(SCOPES))
        .orElseGet(() -> register(instance, redirectUri));
    String state = random();
    String verifier = random();
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", app.clientId());
    query.put("redirect_uri", redirectUri);
    query.put("scope", SCOPES);
    query.put("state", state);
    query.put("code_challenge", challenge(verifier));
    query.put("code_challenge_method", "S256");
    StringBuilder url = new StringBuilder(instance).append("/oauth/authorize");
    String sep = "?";
    for (var e : query.entrySet()) {
      url.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
      sep = "&";
    }
    return new PendingAuthorization(state, verifier, instance, redirectUri, app.clientId(), url.toString(), member.workspaceId(),
        member.workspaceSlug(), clock.millis());
  }

  /** Exchanges the code the server sent back for a token, checks it and stores the account. */
  public Channel finish(Member member, PendingAuthorization pending, String code) {
    member.require(Role.OWNER);
    if (pending == null || !pending.workspaceId().equals(member.workspaceId())
        || clock.millis() - pending.startedAt() > PENDING_FOR.toMillis()) {
      throw new DomainException.Invalid("state", "problem.mastodon-state");
    }
    if (code == null || code.isBlank() || code.length() > 1000) {
      throw new DomainException.Invalid("code", "problem.mastodon-code-refused", InstanceUrl.host(pending.instance()));
    }
    String host = InstanceUrl.host(pending.instance());
    MastodonApps.App app = apps.find(pending.instance(), pending.redirectUri())
        .filter(a -> a.clientId().equals(pending.clientId()))
        .orElseThrow(() -> new DomainException.Invalid("state", "problem.mastodon-state"));
    Map<String, String> body = new LinkedHashMap<>();
    body.put("grant_type", "authorization_code");
    body.put("code", code);
    body.put("client_id", app.clientId());
    body.put("client_secret", app.clientSecret());
    body.put("redirect_uri", pending.redirectUri());
    body.put("code_verifier", pending.verifier());
    String token;
    try {
      JsonNode answer = new MastodonClient(api, pending.instance(), null, null)
          .postJson("/oauth/token", body, Map.of(), "mastodon:" + pending.instance());
      token = answer.path("access_token").asString("");
    } catch (AdapterException.Rejected | AdapterException.CredentialsRejected e) {
      log.info("{} refused the authorisation code: {}", host, e.getMessage());
      throw new DomainException.Invalid("code", "problem.mastodon-code-refused", host);
    } catch (AdapterException e) {
      throw inWords(e, host, "instance");
    }
    if (token.isBlank()) {
      throw new DomainException.Invalid("instance", "problem.mastodon-not-mastodon", host);
    }
    return connect(member, pending.instance(), token, pending.redirectUri());
  }

  /** The fallback: a token the person made in the server's settings (Preferences → Development). */
  public Channel withToken(Member member, String instanceUrl, String accessToken) {
    member.require(Role.OWNER);
    String instance = InstanceUrl.normalise(instanceUrl, guard);
    String token = accessToken == null ? "" : accessToken.strip();
    if (token.isEmpty()) {
      throw new DomainException.Invalid("accessToken", "problem.required");
    }
    if (token.length() > 500 || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new DomainException.Invalid("accessToken", "problem.mastodon-token-refused", InstanceUrl.host(instance));
    }
    return connect(member, instance, token, null);
  }

  /** {@code redirectUri} names the app that obtained the token (to revoke it on disconnect), or null for a pasted token. */
  private Channel connect(Member member, String instance, String token, String redirectUri) {
    String host = InstanceUrl.host(instance);
    Session session = new Session("connect", Map.of("instance", instance, "accessToken", token));
    Actor self;
    try {
      self = adapter.self(session);
    } catch (AdapterException.CredentialsRejected e) {
      throw new DomainException.Invalid("accessToken", "problem.mastodon-token-refused", host);
    } catch (AdapterException e) {
      throw inWords(e, host, "accessToken");
    }
    Map<String, String> credentials = new java.util.HashMap<>(Map.of("instance", instance, "accessToken", token, "accountId", self.remoteId()));
    if (redirectUri != null) {
      credentials.put("redirectUri", redirectUri);
    }
    return registry.connect(member, Network.MASTODON, self, instance, credentials);
  }

  private MastodonApps.App register(String instance, String redirectUri) {
    String host = InstanceUrl.host(instance);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("client_name", "Socius");
    body.put("redirect_uris", java.util.List.of(redirectUri));
    body.put("scopes", SCOPES);
    body.put("website", origin(redirectUri));
    JsonNode answer;
    try {
      answer = new MastodonClient(api, instance, null, null).postJson("/api/v1/apps", body, Map.of(), "mastodon:" + instance);
    } catch (AdapterException e) {
      throw inWords(e, host, "instance");
    }
    String clientId = answer.path("client_id").asString("");
    String secret = answer.path("client_secret").asString("");
    if (clientId.isBlank() || secret.isBlank()) {
      throw new DomainException.Invalid("instance", "problem.mastodon-not-mastodon", host);
    }
    apps.save(new MastodonApps.App(instance, redirectUri, clientId, secret, SCOPES));
    // two owners registering at once: both use the one that was stored
    return apps.find(instance, redirectUri).orElseThrow();
  }

  private DomainException inWords(AdapterException e, String host, String tokenField) {
    log.info("Connecting to {} failed: {}", host, e.getMessage());
    if (e instanceof AdapterException.RateLimited limited) {
      long seconds = Math.max(1, Duration.between(clock.instant(), limited.until()).toSeconds());
      return new DomainException.TooMany("problem.mastodon-busy", seconds, host);
    }
    if (e instanceof AdapterException.CredentialsRejected) {
      return new DomainException.Invalid(tokenField, "problem.mastodon-token-refused", host);
    }
    if (e instanceof AdapterException.Malformed) {
      return new DomainException.Invalid("instance", "problem.mastodon-not-mastodon", host);
    }
    if (e instanceof AdapterException.Rejected rejected) {
      if (rejected.status() == 0) {
        return new DomainException.Invalid("instance", "problem.mastodon-instance-refused", host);
      }
      if (rejected.status() == 404 || rejected.status() == 405 || rejected.status() == 410) {
        return new DomainException.Invalid("instance", "problem.mastodon-not-mastodon", host);
      }
      return new DomainException.Invalid("instance", "problem.mastodon-refused", host, rejected.status());
    }
    return new DomainException.Invalid("instance", "problem.mastodon-unreachable", host);
  }

  private static String origin(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }

  private static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String challenge(String verifier) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
