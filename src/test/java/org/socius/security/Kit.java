package org.socius.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.socius.testing.Teams;
import org.socius.testing.WebSession;
import org.socius.testing.WebSession.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Small helpers shared by the security tests: JSON, the avatar upload form, members by id. */
final class Kit {

  /** The smallest thing the avatar check takes for a PNG (it looks at the first bytes only). */
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};

  private Kit() {}

  static JsonNode json(Response r) {
    return JsonMapper.shared().readTree(r.body());
  }

  static String json(Object value) {
    return JsonMapper.shared().writeValueAsString(value);
  }

  /** A call with the team owner's token. */
  static Response ownerApi(Teams.Team team, String method, String path, Object body) {
    return team.owner().web().api(method, "/api/v1/workspaces/" + team.workspaceId() + path, team.ownerToken(),
        body == null ? null : body instanceof String s ? s : json(body));
  }

  static void assertProblem(Response r, int status) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.header("Content-Type")).as("content type of a %d", status).startsWith("application/problem+json");
    assertThat(json(r).path("status").asInt()).isEqualTo(status);
  }

  /** A member who joined the team by invitation, with their member id. */
  record Joined(Teams.Person person, String memberId) {}

  static Joined join(Teams.Team team, String role) {
    Set<String> before = memberIds(team);
    Teams.Person person = team.join(role);
    Set<String> added = memberIds(team);
    added.removeAll(before);
    assertThat(added).hasSize(1);
    return new Joined(person, added.iterator().next());
  }

  static Set<String> memberIds(Teams.Team team) {
    Set<String> ids = new HashSet<>();
    json(ownerApi(team, "GET", "/members?limit=200", null)).path("items").forEach(m -> ids.add(m.path("id").asString()));
    return ids;
  }

  /** Posts the avatar form as a browser does (multipart); csrf null sends no token. */
  static Response uploadAvatar(WebSession web, String action, String csrf, byte[] image) {
    String boundary = "socius-test-" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (csrf != null) {
      part(body, boundary, "name=\"_csrf\"", null, csrf.getBytes(StandardCharsets.UTF_8));
    }
    part(body, boundary, "name=\"avatar\"; filename=\"me.png\"", "image/png", image);
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return web.send(HttpRequest.newBuilder(URI.create(web.baseUrl() + action)).header("Accept", "text/html")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private static void part(ByteArrayOutputStream out, String boundary, String disposition, String type, byte[] content) {
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; " + disposition + "\r\n"
        + (type == null ? "" : "Content-Type: " + type + "\r\n") + "\r\n";
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
  }
}
