package org.socius.platform;

import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A log of what background jobs did, one row per execution, with the node that ran it: for
 * operators ("when did housekeeping last run, and where?") and for checking that a job ran once.
 */
@Component
public class JobRuns {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final String node;

  JobRuns(JdbcClient jdbc, Clock clock, @Value("${socius.node-name:}") String node) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.node = node.isBlank() ? NodeNames.defaultName() : node;
  }

  public String node() {
    return node;
  }

  public void record(String task, String instance, Instant executionTime, String summary) {
    jdbc.sql("""
        INSERT INTO job_runs (id, task, instance, execution_time, node, finished_at, summary)
        VALUES (:id, :task, :instance, :time, :node, :now, :summary)""")
        .param("id", Ids.newId()).param("task", task).param("instance", instance).param("time", executionTime.toEpochMilli())
        .param("node", node).param("now", clock.millis()).param("summary", summary.length() > 1000 ? summary.substring(0, 1000) : summary)
        .update();
  }

  /** Keeps the log bounded. */
  public int purgeBefore(Instant before) {
    return jdbc.sql("DELETE FROM job_runs WHERE finished_at < :before").param("before", before.toEpochMilli()).update();
  }

  static final class NodeNames {
    private NodeNames() {}

    static String defaultName() {
      try {
        return java.net.InetAddress.getLocalHost().getHostName() + ":" + ProcessHandle.current().pid();
      } catch (java.net.UnknownHostException e) {
        return "node:" + ProcessHandle.current().pid();
      }
    }
  }
}
