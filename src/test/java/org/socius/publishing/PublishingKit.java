package org.socius.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.socius.networks.Channel;
import org.socius.networks.internal.ChannelRegistry;
import org.socius.networks.internal.mastodon.ConnectMastodon;
import org.socius.team.Member;
import org.socius.team.Role;
import org.socius.testing.MastodonStatuses;
import org.socius.testing.SociusApp;
import org.socius.testing.Teams;
import org.socius.testing.WebSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A workspace with Mastodon channels on a local statuses server, driven through the publishing
 * API as a client would.
 */
public final class PublishingKit implements AutoCloseable {

  public static final JsonMapper JSON = JsonMapper.builder().build();

  public final SociusApp app;
  public final Teams.Team team;
  public final MastodonStatuses server;
  public final List<String> channels = new ArrayList<>();
  private final Member owner;

  public PublishingKit(SociusApp app, MastodonStatuses server, int channelCount) {
    this.app = app;
    this.server = server;
    this.team = Teams.create(app);
    this.owner = new Member("kit-owner", team.workspaceId(), team.slug(), "Workspace", "kit-user", "Owner", Role.OWNER, null);
    for (int i = 0; i < channelCount; i++) {
      Channel c = app.bean(ConnectMastodon.class).withToken(owner, server.url(), "tok-" + team.slug().replace('-', '_') + "_" + i);
      channels.add(c.id());
    }
  }

  public String base() {
    return "/api/v1/workspaces/" + team.workspaceId();
  }

  public WebSession.Response api(String method, String path, String json) {
    return team.owner().web().api(method, base() + path, team.ownerToken(), json);
  }

  /** Creates a post; fails the test unless it is accepted. */
  public JsonNode post(String json) {
    var r = api("POST", "/posts", json);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return JSON.readTree(r.body());
  }

  public JsonNode get(String postId) {
    var r = api("GET", "/posts/" + postId, null);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  /** Waits until every delivery of the post satisfies the condition; returns the post. */
  public JsonNode await(String postId, Predicate<JsonNode> delivery, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode post = null;
    while (System.nanoTime() < deadline) {
      post = get(postId);
      boolean all = post.path("deliveries").size() > 0;
      for (JsonNode d : post.path("deliveries")) {
        all &= delivery.test(d);
      }
      if (all) {
        return post;
      }
      sleep(100);
    }
    throw new AssertionError("condition not reached: " + post);
  }

  public static Predicate<JsonNode> state(String state) {
    return d -> d.path("state").asString().equals(state);
  }

  /** Stops the channels' background syncs so that they do not outlive the server. */
  @Override
  public void close() {
    for (String id : channels) {
      if (app.context().isActive()) {
        app.bean(ChannelRegistry.class).disconnect(owner, id);
      }
    }
  }

  public static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
