package org.socius.networks.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.socius.networks.Network;
import org.springframework.stereotype.Component;

/** The adapter for each network. */
@Component
public class Adapters {

  private final Map<Network, NetworkAdapter> byNetwork = new EnumMap<>(Network.class);

  Adapters(List<NetworkAdapter> adapters) {
    adapters.forEach(a -> byNetwork.put(a.network(), a));
  }

  public NetworkAdapter of(Network network) {
    NetworkAdapter adapter = byNetwork.get(network);
    if (adapter == null) {
      throw new IllegalStateException("No adapter for " + network);
    }
    return adapter;
  }
}
