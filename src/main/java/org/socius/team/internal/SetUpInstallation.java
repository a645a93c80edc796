package org.socius.team.internal;

import java.time.Clock;
import org.socius.platform.DomainException;
import org.socius.team.Workspace;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * First run: the owner account and the first workspace, created together or not at all. Only
 * possible while no user exists; there is never a default password.
 */
@Service
public class SetUpInstallation {

  public record Form(String name, String email, String password, String workspaceName, String kind, String timeZone, String locale) {}

  public record Result(String userId, Workspace workspace) {}

  private final JdbcClient jdbc;
  private final CreateUser createUser;
  private final CreateWorkspace createWorkspace;

  private final Clock clock;

  SetUpInstallation(JdbcClient jdbc, CreateUser createUser, CreateWorkspace createWorkspace, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.createUser = createUser;
    this.createWorkspace = createWorkspace;
  }

  public boolean isDone() {
    return jdbc.sql("SELECT COUNT(*) FROM installation").query(Long.class).single() > 0;
  }

  @Transactional
  public Result setUp(Form form) {
    // the primary key admits one setup, even when two browsers submit at the same moment; asked
    // with ON CONFLICT because SQLite's driver reports a duplicate key as an uncategorised error (a 500)
    if (jdbc.sql("INSERT INTO installation (id, completed_at) VALUES (1, :now) ON CONFLICT (id) DO NOTHING")
        .param("now", clock.millis()).update() == 0) {
      throw new DomainException.Conflict("problem.already-set-up");
    }
    String userId = createUser.create(form.name(), form.email(), form.password());
    Workspace workspace = createWorkspace.create(userId,
        new CreateWorkspace.Form(form.workspaceName(), form.kind(), form.timeZone(), form.locale()));
    return new Result(userId, workspace);
  }
}
