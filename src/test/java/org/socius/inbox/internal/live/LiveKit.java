package org.socius.inbox.internal.live;

import java.time.Instant;
import org.socius.inbox.ConversationAssigned;
import org.socius.inbox.InboxItemArrived;
import org.socius.inbox.InboxItemType;
import org.socius.platform.Ids;
import org.socius.testing.SociusApp;
import org.socius.testing.Teams;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the live tests share: announcing inbox news as the inbox does, and reading members' ids. */
final class LiveKit {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private LiveKit() {}

  /** Announces a stored item as the inbox does: inside the transaction that stored it. */
  static InboxItemArrived arrived(SociusApp app, String workspaceId, InboxItemType type, String name, String excerpt,
      String assignee) {
    var e = new InboxItemArrived(workspaceId, Ids.newId(), Ids.newId(), type, Ids.newId(), Ids.newId(), name, excerpt, assignee,
        Instant.now());
    inTransaction(app, () -> app.context().publishEvent(e));
    return e;
  }

  /** As the inbox does, in a transaction that writes (SQLite refuses to commit one that did nothing). */
  static void inTransaction(SociusApp app, Runnable publish) {
    new TransactionTemplate(app.bean(PlatformTransactionManager.class)).executeWithoutResult(s -> {
      app.bean(JdbcClient.class).sql("UPDATE live_events SET kind = kind WHERE id < 0").update();
      publish.run();
    });
  }

  static ConversationAssigned assigned(SociusApp app, String workspaceId, String assignee, String by, String name) {
    var e = new ConversationAssigned(workspaceId, Ids.newId(), assignee, by, name);
    inTransaction(app, () -> app.context().publishEvent(e));
    return e;
  }

  /** The member id of the first member with this role. */
  static String memberId(Teams.Team team, String role) {
    var r = team.owner().web().api("GET", "/api/v1/workspaces/" + team.workspaceId() + "/members?limit=50", team.ownerToken(), null);
    JsonNode items = JSON.readTree(r.body()).path("items");
    for (JsonNode m : items) {
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
