package org.socius.team.internal;

import java.util.List;
import java.util.Optional;
import org.socius.team.MemberProfile;
import org.socius.team.Role;
import org.socius.team.Workspace;
import org.socius.team.Workspaces;
import org.springframework.stereotype.Service;

@Service
class TeamDirectory implements Workspaces {

  private final WorkspaceStore workspaces;
  private final MemberStore members;

  TeamDirectory(WorkspaceStore workspaces, MemberStore members) {
    this.workspaces = workspaces;
    this.members = members;
  }

  @Override
  public Optional<Workspace> find(String workspaceId) {
    return workspaces.findById(workspaceId);
  }

  @Override
  public List<Workspace> all() {
    return workspaces.all();
  }

  @Override
  public Optional<MemberProfile> profile(String workspaceId, String memberId) {
    return members.profile(workspaceId, memberId);
  }

  @Override
  public List<MemberProfile> owners(String workspaceId) {
    return members.withRole(workspaceId, Role.OWNER);
  }

  @Override
  public List<MemberProfile> members(String workspaceId) {
    return members.all(workspaceId);
  }

  @Override
  public List<Workspace> ofUser(String userId) {
    return workspaces.forUser(userId);
  }
}
