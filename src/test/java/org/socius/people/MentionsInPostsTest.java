package org.socius.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.networks.Actor;
import org.socius.networks.EventType;
import org.socius.networks.Network;
import org.socius.networks.NetworkEvent;
import org.socius.networks.NetworkEventRecorded;
import org.socius.platform.Ids;
import org.socius.publishing.PublishingKit;
import org.socius.testing.MastodonStatuses;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A published post that names a known person is our mention of them, by its author; strangers stay strangers. */
class MentionsInPostsTest {

  @ParameterizedTest
  @EnumSource(Store.class)
  void aDeliveredPostNamingAPersonIsAnOutgoingMentionByItsAuthor(Store store) {
    SociusApp app = SociusApp.shared(store);
    try (var server = new MastodonStatuses(); var kit = new PublishingKit(app, server, 1)) {
      var ann = new Actor(server.accountId("tok-ann"), "@ann@127.0.0.1", "Ann", "", "", "", "");
      var e = new NetworkEvent(Ids.newId(), kit.team.workspaceId(), kit.channels.get(0), Network.MASTODON, EventType.FOLLOWER_GAINED,
          "f-" + Ids.newId(), ann, null, true, Instant.now().minusSeconds(60), Instant.now());
      new TransactionTemplate(app.bean(PlatformTransactionManager.class))
          .executeWithoutResult(s -> app.context().publishEvent(new NetworkEventRecorded(e)));
      long peopleBefore = app.bean(JdbcClient.class).sql("SELECT COUNT(*) FROM people WHERE workspace_id = :ws")
          .param("ws", kit.team.workspaceId()).query(Long.class).single();

      var post = kit.post("""
          {"channels": ["%s"], "text": "Lovely ringing guide by @Ann@127.0.0.1, via @nobody@elsewhere.example", "action": "now"}"""
          .formatted(kit.channels.get(0)));
      kit.await(post.path("id").asString(), PublishingKit.state("published"), Duration.ofSeconds(20));

      var rows = app.bean(JdbcClient.class).sql("""
          SELECT i.direction || ':' || i.kind || ':' || CASE WHEN i.member_id IS NULL THEN 'nobody' ELSE 'member' END FROM interactions i
            JOIN person_identities p ON p.person_id = i.person_id
           WHERE i.workspace_id = :ws AND p.remote_id = :r ORDER BY i.occurred_at, i.id""")
          .param("ws", kit.team.workspaceId()).param("r", ann.remoteId()).query(String.class).list();
      assertThat(rows).containsExactly("in:followed:nobody", "out:mentioned:member");
      long peopleAfter = app.bean(JdbcClient.class).sql("SELECT COUNT(*) FROM people WHERE workspace_id = :ws")
          .param("ws", kit.team.workspaceId()).query(Long.class).single();
      assertThat(peopleAfter).isEqualTo(peopleBefore);
    }
  }
}
