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
}
