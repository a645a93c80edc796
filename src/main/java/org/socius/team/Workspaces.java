package org.socius.team;

import java.util.List;
import java.util.Optional;

/** Read access to workspaces and member profiles for the other capabilities. */
public interface Workspaces {

  Optional<Workspace> find(String workspaceId);

  /** Every workspace, for background work that runs across them. */
  List<Workspace> all();

  Optional<MemberProfile> profile(String workspaceId, String memberId);

  /** The owners of a workspace, e.g. to tell them a channel needs reconnecting. */
  List<MemberProfile> owners(String workspaceId);

  /** Every member of a workspace in the order they joined, e.g. for an assignee menu. */
  List<MemberProfile> members(String workspaceId);

  /** The workspaces a user belongs to, oldest membership first (e.g. where to share a page). */
  List<Workspace> ofUser(String userId);
}
