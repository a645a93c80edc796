package org.socius.team;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.platform.Ids;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.socius.testing.Teams;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The recurring housekeeping job on db-scheduler removes what has expired and keeps the rest. */
class HousekeepingTest {

  @ParameterizedTest
  @EnumSource(Store.class)
  void removesExpiredInvitationsAndSessionsAndLogsItsRun(Store store) throws InterruptedException {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    JdbcClient jdbc = app.bean(JdbcClient.class);
    String userId = jdbc.sql("SELECT id FROM users WHERE email = :e").param("e", team.owner().email()).query(String.class).single();
    long now = System.currentTimeMillis();
    String expired = insertInvitation(jdbc, team.workspaceId(), userId, now - 1000);
    String open = insertInvitation(jdbc, team.workspaceId(), userId, now + 3_600_000);
    String oldSession = Ids.newId();
    jdbc.sql("INSERT INTO spring_session (primary_id, session_id, creation_time, last_access_time, max_inactive_interval, expiry_time) "
        + "VALUES (:id, :sid, 0, 0, 60, :expiry)").param("id", oldSession).param("sid", Ids.newId()).param("expiry", now - 1000).update();
    Instant asked = Instant.now();

    app.bean(SchedulerClient.class).reschedule(TaskInstanceId.of("team-housekeeping", "recurring"), Instant.now());

    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline && count(jdbc, "SELECT COUNT(*) FROM job_runs WHERE task = 'team-housekeeping' AND finished_at >= "
        + asked.toEpochMilli()) == 0) {
      Thread.sleep(100);
    }
    assertThat(count(jdbc, "SELECT COUNT(*) FROM invitations WHERE id = '" + expired + "'")).isZero();
    assertThat(count(jdbc, "SELECT COUNT(*) FROM invitations WHERE id = '" + open + "'")).isOne();
    assertThat(count(jdbc, "SELECT COUNT(*) FROM spring_session WHERE primary_id = '" + oldSession + "'")).isZero();
    // the signed-in owner's session is not expired and survives
    assertThat(team.owner().web().get("/w/" + team.slug() + "/today").status()).isEqualTo(200);
  }

  private static String insertInvitation(JdbcClient jdbc, String workspaceId, String userId, long expiresAt) {
    String id = Ids.newId();
    jdbc.sql("INSERT INTO invitations (id, workspace_id, token_hash, role, note, created_by, created_at, expires_at) "
        + "VALUES (:id, :ws, :hash, 'viewer', '', :by, 0, :exp)")
        .param("id", id).param("ws", workspaceId).param("hash", id).param("by", userId).param("exp", expiresAt).update();
    return id;
  }

  private static long count(JdbcClient jdbc, String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }
}
