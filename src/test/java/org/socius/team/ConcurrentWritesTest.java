package org.socius.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.socius.testing.Teams;

/**
 * Many people writing at once: on SQLite every write waits its turn (one writer, immediate
 * transactions, busy timeout) instead of failing with "database is locked".
 */
class ConcurrentWritesTest {

  @ParameterizedTest
  @EnumSource(Store.class)
  void concurrentApiWritesAllSucceed(Store store) throws Exception {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    var web = app.session();
    String path = "/api/v1/workspaces/" + team.workspaceId();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 80; i++) {
        int n = i;
        answers.add(pool.submit(() -> n % 2 == 0
            ? web.api("POST", path + "/tokens", team.ownerToken(), "{\"name\":\"t" + n + "\",\"role\":\"viewer\"}").status()
            : web.api("PUT", path + "/profile", team.ownerToken(), "{\"displayName\":\"Owner " + n + "\",\"bio\":\"b\"}").status()));
      }
      for (Future<Integer> answer : answers) {
        assertThat(answer.get()).isIn(200, 201);
      }
    } finally {
      pool.shutdown();
    }
    var tokens = web.api("GET", path + "/tokens", team.ownerToken(), null).body();
    assertThat(tokens.split("\"hint\"").length - 1).isEqualTo(41); // 40 new + the owner's own
  }
}
