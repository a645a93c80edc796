package org.socius.networks.internal.bluesky;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.socius.networks.internal.AdapterException;
import org.socius.networks.internal.RemoteApi;
import org.socius.networks.internal.Session;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * XRPC calls to a PDS. Authenticated calls use the channel's access token and, when the PDS says
 * it expired ({@code 400 ExpiredToken}), refresh the session once and repeat the call; the
 * rotated tokens go back into the {@link Session} to be stored.
 */
@Component
class Xrpc {

  private final RemoteApi remote;

  Xrpc(RemoteApi remote) {
    this.remote = remote;
  }

  RemoteApi remote() {
    return remote;
  }

  JsonNode query(URI base, String nsid, Map<String, String> params, String bearer, String account) {
    String query = params.entrySet().stream().filter(e -> e.getValue() != null)
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    URI uri = URI.create(base + "/xrpc/" + nsid + (query.isEmpty() ? "" : "?" + query));
    return remote.json(new RemoteApi.Call("GET", uri, headers(bearer, null), null, account));
  }

  JsonNode procedure(URI base, String nsid, Object body, String bearer, String account) {
    URI uri = URI.create(base + "/xrpc/" + nsid);
    return remote.json(new RemoteApi.Call("POST", uri, headers(bearer, body == null ? null : "application/json"),
        body == null ? null : remote.jsonBody(body), account));
  }

  JsonNode upload(URI base, byte[] bytes, String mimeType, String bearer, String account) {
    URI uri = URI.create(base + "/xrpc/com.atproto.repo.uploadBlob");
    return remote.json(new RemoteApi.Call("POST", uri, headers(bearer, mimeType), bytes, account));
  }

  /** Runs an authenticated call, refreshing an expired session once. */
  JsonNode authed(Session session, Function<String, JsonNode> call) {
    try {
      return call.apply(session.get("accessJwt"));
    } catch (AdapterException.Rejected e) {
      if (!"ExpiredToken".equals(e.errorCode())) {
        throw e;
      }
      refresh(session);
      return call.apply(session.get("accessJwt"));
    }
  }

  void refresh(Session session) {
    JsonNode fresh;
    try {
      fresh = procedure(pds(session), "com.atproto.server.refreshSession", null, session.get("refreshJwt"), account(session));
    } catch (AdapterException.Rejected e) {
      throw new AdapterException.CredentialsRejected("The Bluesky session has ended (" + e.errorCode() + "); connect the account again");
    }
    String access = fresh.path("accessJwt").asString("");
    String refresh = fresh.path("refreshJwt").asString("");
    if (access.isEmpty() || refresh.isEmpty()) {
      throw new AdapterException.Malformed("refreshSession answered without tokens", null);
    }
    session.update(Map.of("accessJwt", access, "refreshJwt", refresh));
  }

  static URI pds(Session session) {
    return URI.create(session.get("pds"));
  }

  static String account(Session session) {
    return "bluesky:" + session.get("did");
  }

  private static Map<String, String> headers(String bearer, String contentType) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", "application/json");
    if (bearer != null) {
      headers.put("Authorization", "Bearer " + bearer);
    }
    if (contentType != null) {
      headers.put("Content-Type", contentType);
    }
    return headers;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
