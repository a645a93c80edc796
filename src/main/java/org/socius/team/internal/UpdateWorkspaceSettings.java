package org.socius.team.internal;

import org.socius.platform.DomainException;
import org.socius.team.Member;
import org.socius.team.Role;
import org.socius.team.Workspace;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An owner changes the workspace's name, address, kind, time zone, locale and public page. */
@Service
public class UpdateWorkspaceSettings {

  /** Absent (null) fields stay as they are. */
  public record Form(String name, String slug, String kind, String timeZone, String locale, Boolean publicPage) {}

  private final WorkspaceStore workspaces;

  UpdateWorkspaceSettings(WorkspaceStore workspaces) {
    this.workspaces = workspaces;
  }

  @Transactional
  public Workspace update(Member owner, Form form) {
    owner.require(Role.OWNER);
    Workspace current = workspaces.findById(owner.workspaceId()).orElseThrow();
    String slug = form.slug() == null ? current.slug() : Fields.slug(form.slug());
    if (!slug.equals(current.slug()) && workspaces.slugTaken(slug, current.id())) {
      throw new DomainException.Invalid("slug", "problem.slug-taken");
    }
    Workspace updated = new Workspace(current.id(), slug,
        form.name() == null ? current.name() : Fields.text("name", form.name(), 200),
        form.kind() == null ? current.kind() : Fields.kind(form.kind()),
        form.timeZone() == null ? current.timeZone() : Fields.timeZone(form.timeZone()),
        form.locale() == null ? current.locale() : Fields.locale(form.locale()),
        form.publicPage() == null ? current.publicPage() : form.publicPage());
    workspaces.update(updated);
    return updated;
  }
}
