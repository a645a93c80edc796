package org.socius.networks.internal.mastodon;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.socius.networks.internal.AdapterException;
import org.socius.networks.internal.RemoteApi;
import org.socius.platform.Hashes;
import org.socius.platform.OutboundHttp;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Requests to one Mastodon server, all through {@link RemoteApi} (rate-limit gate, backoff,
 * errors in words). {@code account} keys the rate-limit state: {@code mastodon:<instance>:<account id>}
 * (or a hash of the token before the id is known), never the token itself.
 */
final class MastodonClient {

  /** A JSON answer with the headers that matter for paging. */
  record Answer(int status, JsonNode json, String link) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final RemoteApi api;
  private final String instance;
  private final String token;
  private final String account;

  MastodonClient(RemoteApi api, String instance, String token, String accountId) {
    this.api = api;
    this.instance = instance;
    this.token = token;
    this.account = accountKey(instance, accountId, token);
  }

  static String accountKey(String instance, String accountId, String token) {
    if (accountId != null && !accountId.isBlank()) {
      return "mastodon:" + instance + ":" + accountId;
    }
    return "mastodon:" + instance + ":token-" + (token == null ? "none" : Hashes.sha256(token).substring(0, 16));
  }

  String instance() {
    return instance;
  }

  String account() {
    return account;
  }

  Answer get(String path, Map<String, String> query) {
    return get(path, query, account);
  }

  Answer get(String path, Map<String, String> query, String key) {
    RemoteApi.Call call = RemoteApi.Call.get(uri(path, query), key, headers(Map.of()));
    OutboundHttp.Response response = api.send(call);
    return new Answer(response.status(), parse(call, response), response.header("Link").orElse(null));
  }

  /** A POST without a body, as favourite and reblog take: the API accepts no content there. */
  JsonNode post(String path, Map<String, String> extra, String key) {
    RemoteApi.Call call = new RemoteApi.Call("POST", uri(path, Map.of()), headers(extra), null, key);
    return parse(call, api.send(call));
  }

  JsonNode postJson(String path, Object body, Map<String, String> extra, String key) {
    Map<String, String> headers = headers(extra);
    headers.put("Content-Type", "application/json");
    RemoteApi.Call call = new RemoteApi.Call("POST", uri(path, Map.of()), headers, api.jsonBody(body), key);
    return parse(call, api.send(call));
  }

  /** A multipart/form-data POST; {@code file} is sent as a file part, the rest as fields. */
  Answer postMultipart(String path, Map<String, String> fields, String fileField, String fileName, String mimeType, byte[] file,
      String key) {
    String boundary = "socius-" + HexFormat.of().formatHex(randomBytes(12));
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (var field : fields.entrySet()) {
      write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n"
          + "Content-Type: text/plain; charset=UTF-8\r\n\r\n");
      write(body, field.getValue());
      write(body, "\r\n");
    }
    write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: " + mimeType + "\r\n\r\n");
    body.writeBytes(file);
    write(body, "\r\n--" + boundary + "--\r\n");
    Map<String, String> headers = headers(Map.of());
    headers.put("Content-Type", "multipart/form-data; boundary=" + boundary);
    RemoteApi.Call call = new RemoteApi.Call("POST", uri(path, Map.of()), headers, body.toByteArray(), key);
    OutboundHttp.Response response = api.send(call);
    return new Answer(response.status(), parse(call, response), response.header("Link").orElse(null));
  }

  private Map<String, String> headers(Map<String, String> extra) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", "application/json");
    if (token != null) {
      headers.put("Authorization", "Bearer " + token);
    }
    headers.putAll(extra);
    return headers;
  }

  URI uri(String path, Map<String, String> query) {
    StringBuilder s = new StringBuilder(instance).append(path);
    String sep = "?";
    for (var e : query.entrySet()) {
      if (e.getValue() == null) {
        continue;
      }
      s.append(sep).append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
      sep = "&";
    }
    return URI.create(s.toString());
  }

  private JsonNode parse(RemoteApi.Call call, OutboundHttp.Response response) {
    if (response.body().length == 0) {
      return api.mapper().nullNode();
    }
    try {
      return api.mapper().readTree(response.body());
    } catch (JacksonException e) {
      throw new AdapterException.Malformed("The answer of " + call.uri().getHost() + " to " + call.uri().getPath()
          + " is not valid JSON", e);
    }
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }
}
