package org.socius.inbox.internal.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.socius.networks.Actor;
import org.socius.networks.EventType;
import org.socius.networks.Network;
import org.socius.networks.NetworkEvent;
import org.socius.networks.NetworkEventRecorded;
import org.socius.networks.Post;
import org.socius.platform.Ids;
import org.socius.testing.SociusApp;
import org.socius.testing.Teams;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the live tests share. News reaches the inbox as the networks capability delivers it: a
 * stored network event published inside a transaction (the local Mastodon stand-in does not
 * serve notifications); the inbox stores the item and announces it, and the live side takes it
 * from there.
 */
public final class LiveKit {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private LiveKit() {}

  /** Someone writes to the workspace: a mention, reply or direct message (post id {@code postId}, answering {@code inReplyTo}). */
  public static NetworkEvent says(SociusApp app, String workspaceId, EventType type, String who, String text, String postId,
      String inReplyTo) {
    String account = "acct-" + who.replaceAll("[^A-Za-z0-9]", "") + "-" + Ids.newId().substring(0, 8);
    Actor actor = new Actor(account, "@" + account + "@example.social", who, "<p>bio</p>", "bio", "", "https://example.social/@" + account);
    Instant now = Instant.now();
    Post post = new Post(postId, "https://example.social/s/" + postId, text, "en", now, inReplyTo, inReplyTo);
    NetworkEvent e = new NetworkEvent(Ids.newId(), workspaceId, java.util.UUID.nameUUIDFromBytes(workspaceId.getBytes()).toString(), Network.MASTODON, type, "remote-" + Ids.newId(),
        actor, post, false, now, now);
    publish(app, e);
    return e;
  }

  public static NetworkEvent mention(SociusApp app, String workspaceId, String who, String text) {
    return says(app, workspaceId, EventType.MENTIONED, who, text, Ids.newId(), null);
  }

  public static void publish(SociusApp app, NetworkEvent e) {
    new TransactionTemplate(app.bean(PlatformTransactionManager.class))
        .executeWithoutResult(s -> app.context().publishEvent(new NetworkEventRecorded(e)));
  }

  /** Assigns a conversation through the API, as an owner does. */
  static void assign(Teams.Team team, String conversationId, String memberId) {
    var r = team.owner().web().api("POST", "/api/v1/workspaces/" + team.workspaceId() + "/inbox/" + conversationId + "/assignee",
        team.ownerToken(), "{\"assigneeMemberId\":\"" + memberId + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  /** The member id of the first member with this role. */
  public static String memberId(Teams.Team team, String role) {
    var r = team.owner().web().api("GET", "/api/v1/workspaces/" + team.workspaceId() + "/members?limit=50", team.ownerToken(), null);
    for (JsonNode m : JSON.readTree(r.body()).path("items")) {
      if (role.equals(m.path("role").asString())) {
        return m.path("id").asString();
      }
    }
    throw new AssertionError("no " + role + " in " + r.body());
  }

  static JsonNode data(SseClient.Event e) {
    return JSON.readTree(e.data());
  }
}
