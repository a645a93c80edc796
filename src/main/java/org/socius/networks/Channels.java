package org.socius.networks;

import java.util.List;
import java.util.Optional;

/** The connected accounts of a workspace. */
public interface Channels {

  List<Channel> of(String workspaceId);

  Optional<Channel> find(String workspaceId, String channelId);
}
