package org.socius.feeds.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.socius.testing.Teams;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Per-host turns: spaced starts, each feed rescheduled once for a turn it then holds, at most a
 * few at once per node; on PostgreSQL the turns come from feed_host_turns, one upsert each, and
 * concurrent takers get distinct turns a spacing apart.
 */
class HostLimitsTest {

  private final Instant now = Instant.parse("2026-11-26T12:00:00Z");

  /** The limits as the app makes them: turns in memory on SQLite, in the database on PostgreSQL. */
  static HostLimits limits(Store store, Duration spacing) {
    return new HostLimits(2, spacing, store == Store.SQLITE ? null : turns());
  }

  static HostTurnStore turns() {
    return new HostTurnStore(SociusApp.shared(Store.POSTGRES).bean(JdbcClient.class));
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void feedsOnOneHostGetSpacedTurnsEachRescheduledOnce(Store store) {
    HostLimits hosts = limits(store, Duration.ofSeconds(1));
    String a = Teams.unique("a") + ".example";
    assertThat(hosts.reserve(a, null, now)).isNull();
    List<Instant> turns = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      turns.add(hosts.reserve(a, null, now));
    }
    assertThat(turns).containsExactly(now.plusSeconds(1), now.plusSeconds(2), now.plusSeconds(3), now.plusSeconds(4), now.plusSeconds(5));
    assertThat(hosts.reserve(Teams.unique("b") + ".example", null, now)).as("other hosts are not held up").isNull();
    hosts.release(a);
    assertThat(hosts.reserve(a, turns.get(1), now.plusSeconds(1))).as("early: keeps its turn").isEqualTo(now.plusSeconds(2));
    assertThat(hosts.reserve(a, turns.get(0), now.plusSeconds(1))).as("its turn: no new one taken").isNull();
    assertThat(hosts.reserve(a, turns.get(1), now.plusSeconds(2))).isNull();
    Instant again = hosts.reserve(a, turns.get(2), now.plusSeconds(3));
    assertThat(again).as("two running: waits for one to finish, after the turns given out").isEqualTo(now.plusSeconds(6));
    assertThat(hosts.reserve(a, null, now.plusSeconds(3))).as("a newcomer queues behind").isEqualTo(now.plusSeconds(7));
  }

  @Test
  void twoNodesShareTheTurnsOfAHostAndKeepTheirOwnConcurrency() {
    HostLimits one = limits(Store.POSTGRES, Duration.ofSeconds(1));
    HostLimits two = limits(Store.POSTGRES, Duration.ofSeconds(1));
    String host = Teams.unique("shared") + ".example";
    assertThat(one.reserve(host, null, now)).isNull();
    assertThat(two.reserve(host, null, now)).as("the other node waits for the next turn").isEqualTo(now.plusSeconds(1));
    assertThat(one.reserve(host, null, now)).isEqualTo(now.plusSeconds(2));
    assertThat(two.reserve(host, now.plusSeconds(1), now.plusSeconds(1))).as("its held turn").isNull();
  }

  @Test
  void concurrentTakersGetDistinctTurnsASpacingApart() throws Exception {
    HostTurnStore store = turns();
    String host = Teams.unique("busy") + ".example";
    Duration spacing = Duration.ofMillis(300);
    List<Callable<List<Instant>>> takers = new ArrayList<>();
    for (int t = 0; t < 6; t++) {
      takers.add(() -> {
        List<Instant> mine = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          mine.add(store.take(host, now, spacing));
        }
        return mine;
      });
    }
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Instant> all = new ArrayList<>();
    try {
      for (Future<List<Instant>> f : pool.invokeAll(takers)) {
        all.addAll(f.get());
      }
    } finally {
      pool.shutdown();
    }
    List<Instant> expected = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      expected.add(now.plus(spacing.multipliedBy(i)));
    }
    assertThat(all).as("every turn once, none skipped").containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aLaterStartIsNotHeldBackByTurnsLongPastAndHostsUnusedForADayGo() {
    HostTurnStore store = turns();
    JdbcClient jdbc = SociusApp.shared(Store.POSTGRES).bean(JdbcClient.class);
    String host = Teams.unique("quiet") + ".example";
    assertThat(store.take(host, now, Duration.ofSeconds(1))).isEqualTo(now);
    assertThat(store.take(host, now.plusSeconds(60), Duration.ofSeconds(1))).isEqualTo(now.plusSeconds(60));
    String old = Teams.unique("old") + ".example";
    jdbc.sql("INSERT INTO feed_host_turns (host, next_at) VALUES (:h, :at)").param("h", old)
        .param("at", now.minus(Duration.ofDays(2)).toEpochMilli()).update();
    new HostTurnStore(jdbc).take(host, now.plusSeconds(120), Duration.ofSeconds(1));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM feed_host_turns WHERE host IN (:old, :h)").param("old", old).param("h", host)
        .query(Integer.class).single()).as("the unused host went, the used one stays").isEqualTo(1);
  }
}
