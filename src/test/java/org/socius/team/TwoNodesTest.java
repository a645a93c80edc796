package org.socius.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socius.testing.Postgres;
import org.socius.testing.SociusApp;
import org.socius.testing.Teams;
import org.socius.testing.WebSession;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two Socius processes on one PostgreSQL database: one set of data, shared sign-in, each job run once. */
class TwoNodesTest {

  static SociusApp a;
  static SociusApp b;

  @BeforeAll
  static void startTwoNodes() {
    String db = Postgres.freshDatabase();
    Map<String, String> fast = Map.of("socius.housekeeping.interval", "300ms", "db-scheduler.polling-interval", "200ms");
    a = SociusApp.startOn(db, with(fast, "socius.node-name", "node-a"));
    b = SociusApp.startOn(db, with(fast, "socius.node-name", "node-b"));
  }

  @AfterAll
  static void stop() {
    if (b != null) {
      b.close();
    }
    if (a != null) {
      a.close();
    }
  }

  private static Map<String, String> with(Map<String, String> base, String key, String value) {
    var copy = new java.util.HashMap<>(base);
    copy.put(key, value);
    return copy;
  }

  @Test
  void aSessionMadeOnOneNodeIsValidOnTheOther() {
    var team = Teams.create(a); // signs in on node a
    WebSession web = team.owner().web();
    var onB = web.get(b.baseUrl() + "/w/" + team.slug() + "/settings/profile");
    assertThat(onB.status()).isEqualTo(200);
    assertThat(onB.body()).contains("Owner Person");
    // and what one node wrote, the other serves
    var workspaces = web.api("GET", b.baseUrl() + "/api/v1/workspaces", team.ownerToken(), null);
    assertThat(workspaces.body()).contains(team.slug());
    // signing out on b ends the session on a as well
    web.post(b.baseUrl() + "/w/" + team.slug() + "/today", b.baseUrl() + "/signout", Map.of());
    assertThat(web.get(a.baseUrl() + "/w/" + team.slug() + "/today").location()).isEqualTo("/signin");
  }

  @Test
  void eachExecutionOfTheRecurringJobRunsOnExactlyOneNode() throws InterruptedException {
    JdbcClient jdbc = a.bean(JdbcClient.class);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    int runs = 0;
    while (System.nanoTime() < deadline && runs < 12) {
      Thread.sleep(250);
      runs = jdbc.sql("SELECT COUNT(*) FROM job_runs WHERE task = 'team-housekeeping'").query(Integer.class).single();
    }
    assertThat(runs).as("housekeeping executions within a minute").isGreaterThanOrEqualTo(12);
    int distinct = jdbc.sql("SELECT COUNT(DISTINCT execution_time) FROM job_runs WHERE task = 'team-housekeeping'")
        .query(Integer.class).single();
    assertThat(distinct).as("no execution ran twice").isEqualTo(
        jdbc.sql("SELECT COUNT(*) FROM job_runs WHERE task = 'team-housekeeping'").query(Integer.class).single());
    List<String> nodes = jdbc.sql("SELECT DISTINCT node FROM job_runs WHERE task = 'team-housekeeping'").query(String.class).list();
    assertThat(nodes).isSubsetOf("node-a", "node-b");
  }
}
