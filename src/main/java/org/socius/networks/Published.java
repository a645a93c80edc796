package org.socius.networks;

import java.util.List;

/** Where a publish landed: the remote id and URL of each part, in order. */
public record Published(List<Part> parts) {

  public record Part(String remoteId, String url) {}

  public Part first() {
    return parts.get(0);
  }
}
