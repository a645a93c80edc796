package org.socius.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every PostgreSQL connection plans statements for their values, never with a generic plan. */
class PostgresSessionTest {

  @Test
  void everyConnectionPlansForTheValuesGiven() {
    JdbcClient jdbc = SociusApp.shared(Store.POSTGRES).bean(JdbcClient.class);
    for (int i = 0; i < 3; i++) {
      assertThat(jdbc.sql("SHOW plan_cache_mode").query(String.class).single()).isEqualTo("force_custom_plan");
    }
  }
}
