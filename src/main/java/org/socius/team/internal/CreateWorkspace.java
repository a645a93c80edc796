package org.socius.team.internal;

import java.time.Clock;
import org.socius.platform.Ids;
import org.socius.team.Role;
import org.socius.team.Workspace;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A signed-in user creates a workspace for a brand or a person and becomes its owner. */
@Service
public class CreateWorkspace {

  public record Form(String name, String kind, String timeZone, String locale) {}

  private final WorkspaceStore workspaces;
  private final MemberStore members;
  private final UserStore users;
  private final Clock clock;

  CreateWorkspace(WorkspaceStore workspaces, MemberStore members, UserStore users, Clock clock) {
    this.workspaces = workspaces;
    this.members = members;
    this.users = users;
    this.clock = clock;
  }

  @Transactional
  public Workspace create(String userId, Form form) {
    String name = Fields.text("workspaceName", form.name(), 200);
    Workspace workspace = new Workspace(Ids.newId(), freeSlug(Fields.slugFrom(name)), name, Fields.kind(form.kind()),
        Fields.timeZone(form.timeZone()), Fields.locale(form.locale()), false);
    long now = clock.millis();
    workspaces.insert(workspace, now);
    String displayName = users.findById(userId).orElseThrow().name();
    members.insert(Ids.newId(), workspace.id(), userId, Role.OWNER, displayName, now);
    return workspace;
  }

  private String freeSlug(String base) {
    String slug = base;
    for (int n = 2; workspaces.slugTaken(slug, null); n++) {
      slug = base + "-" + n;
    }
    return slug;
  }
}
