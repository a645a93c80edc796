package org.socius.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.socius.networks.Actor;
import org.socius.networks.EventType;
import org.socius.networks.Network;
import org.socius.networks.NetworkEvent;
import org.socius.networks.NetworkEventRecorded;
import org.socius.networks.PersonalMessageSent;
import org.socius.networks.Post;
import org.socius.platform.Ids;
import org.socius.testing.SociusApp;
import org.socius.testing.Teams;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A workspace whose inbox is fed as the networks capability feeds it: each stored network event
 * and each personal message sent is published inside a transaction, the way networks publishes
 * them after storing one (the local Mastodon stand-in does not serve notifications).
 */
final class InboxKit {

  static final JsonMapper JSON = JsonMapper.builder().build();

  final SociusApp app;
  final Teams.Team team;
  final String channel = Ids.newId();
  /** What the inbox announced, in order. */
  final List<Object> announced = new CopyOnWriteArrayList<>();

  InboxKit(SociusApp app) {
    this.app = app;
    this.team = Teams.create(app);
    app.context().addApplicationListener((ApplicationListener<ApplicationEvent>) e -> {
      Object p = e instanceof PayloadApplicationEvent<?> payload ? payload.getPayload() : null;
      if (p instanceof InboxItemArrived a && a.workspaceId().equals(team.workspaceId())
          || p instanceof ConversationAssigned c && c.workspaceId().equals(team.workspaceId())) {
        announced.add(p);
      }
    });
  }

  static Actor actor(String id, String name, String bio) {
    return new Actor(id, "@" + id + "@example.social", name, "<p>" + bio + "</p>", bio, "", "https://example.social/@" + id);
  }

  NetworkEvent event(String channelId, EventType type, Actor actor, Post post, boolean backfill, Instant at) {
    return new NetworkEvent(Ids.newId(), team.workspaceId(), channelId, Network.MASTODON, type, "remote-" + Ids.newId(), actor, post,
        backfill, at, Instant.now());
  }

  NetworkEvent arrive(EventType type, Actor actor, Post post, Instant at) {
    NetworkEvent e = event(channel, type, actor, post, false, at);
    publish(e);
    return e;
  }

  void publish(NetworkEvent e) {
    inTransaction(() -> app.context().publishEvent(new NetworkEventRecorded(e)));
  }

  static Post post(String id, String text, String inReplyTo, String root, Instant at) {
    return new Post(id, "https://example.social/s/" + id, text, "en", at, inReplyTo, root);
  }

  /** A member's answer as networks announces it once sent. */
  void answered(String memberId, String kind, Actor to, String replyTo, String text, Instant at) {
    answered(memberId, kind, false, to, replyTo, text, at);
  }

  void answered(String memberId, String kind, boolean greeting, Actor to, String replyTo, String text, Instant at) {
    var sent = new PersonalMessageSent(Ids.newId(), team.workspaceId(), channel, Network.MASTODON, memberId, kind, greeting, to, text,
        replyTo, "ours-" + Ids.newId(), "https://example.social/s/ours", at);
    inTransaction(() -> app.context().publishEvent(sent));
  }

  void inTransaction(Runnable r) {
    new TransactionTemplate(app.bean(PlatformTransactionManager.class)).executeWithoutResult(s -> r.run());
  }

  JsonNode api(String method, String path, String body, int status) {
    return api(team, method, path, body, status);
  }

  static JsonNode api(Teams.Team team, String method, String path, String body, int status) {
    var r = team.owner().web().api(method, "/api/v1/workspaces/" + team.workspaceId() + path, team.ownerToken(), body);
    assertThat(r.status()).as(method + " " + path + ": " + r.body()).isEqualTo(status);
    return r.body().isEmpty() ? null : JSON.readTree(r.body());
  }

  /** The conversations of a list answer. */
  static List<JsonNode> items(JsonNode page) {
    return page.path("items").valueStream().toList();
  }

  static List<String> field(JsonNode page, String name) {
    return page.path("items").valueStream().map(c -> c.path(name).asString()).toList();
  }

  String ownerMemberId() {
    JsonNode members = api("GET", "/members", null, 200).path("items");
    return members.valueStream().filter(m -> m.path("role").asString().equals("owner")).findFirst().orElseThrow().path("id").asString();
  }

  String memberId(String displayName) {
    JsonNode members = api("GET", "/members", null, 200).path("items");
    return members.valueStream().filter(m -> m.path("displayName").asString().equals(displayName)).findFirst().orElseThrow()
        .path("id").asString();
  }
}
