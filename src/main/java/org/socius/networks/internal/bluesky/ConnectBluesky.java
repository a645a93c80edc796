package org.socius.networks.internal.bluesky;

import java.util.Map;
import org.socius.networks.Actor;
import org.socius.networks.Channel;
import org.socius.networks.Network;
import org.socius.networks.internal.AdapterException;
import org.socius.networks.internal.ChannelRegistry;
import org.socius.networks.internal.Session;
import org.socius.platform.DomainException;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * An owner connects a Bluesky account with its handle (or DID) and an app password. The app
 * password is used once, to open a session; only the session's tokens are kept (sealed).
 */
@Service
public class ConnectBluesky {

  private final BlueskyIdentity identity;
  private final Xrpc xrpc;
  private final BlueskyAdapter adapter;
  private final ChannelRegistry registry;

  ConnectBluesky(BlueskyIdentity identity, Xrpc xrpc, BlueskyAdapter adapter, ChannelRegistry registry) {
    this.identity = identity;
    this.xrpc = xrpc;
    this.adapter = adapter;
    this.registry = registry;
  }

  public Channel connect(Member owner, String identifier, String appPassword) {
    owner.require(Role.OWNER);
    if (appPassword == null || appPassword.isBlank()) {
      throw new DomainException.Invalid("appPassword", "problem.required");
    }
    BlueskyIdentity.Resolved resolved = identity.resolve(identifier);
    JsonNode created;
    try {
      created = xrpc.procedure(resolved.pds(), "com.atproto.server.createSession",
          Map.of("identifier", resolved.did(), "password", appPassword.strip()), null, "bluesky:" + resolved.did());
    } catch (AdapterException.CredentialsRejected | AdapterException.Rejected e) {
      throw new DomainException.Invalid("appPassword", "problem.bluesky-login");
    } catch (AdapterException e) {
      throw new DomainException.Invalid("identifier", "problem.network-unreachable", resolved.pds().getHost(), e.getMessage());
    }
    Map<String, String> credentials = Map.of("did", resolved.did(), "pds", resolved.pds().toString(),
        "accessJwt", created.path("accessJwt").asString(""), "refreshJwt", created.path("refreshJwt").asString(""));
    Actor self;
    try {
      self = adapter.self(new Session("new", credentials));
    } catch (AdapterException e) {
      // a brand-new account may not be indexed by the AppView yet: connect with what we know,
      // the first sync fills in the profile
      self = new Actor(resolved.did(), resolved.handle(), "", "", "", "", null);
    }
    return registry.connect(owner, Network.BLUESKY, self, resolved.pds().toString(), credentials);
  }
}
