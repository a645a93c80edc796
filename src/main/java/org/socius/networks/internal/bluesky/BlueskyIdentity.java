package org.socius.networks.internal.bluesky;

import java.net.URI;
import java.util.Map;
import org.socius.networks.internal.AdapterException;
import org.socius.platform.DomainException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Handle → DID → PDS: the handle is resolved by the configured service, the DID document comes
 * from the PLC directory ({@code did:plc}) or the host ({@code did:web}), and the handle must be
 * claimed back by the document ({@code alsoKnownAs}).
 */
@Component
class BlueskyIdentity {

  record Resolved(String did, String handle, URI pds) {}

  private final Xrpc xrpc;
  private final BlueskySettings settings;

  BlueskyIdentity(Xrpc xrpc, BlueskySettings settings) {
    this.xrpc = xrpc;
    this.settings = settings;
  }

  Resolved resolve(String identifier) {
    String id = identifier == null ? "" : identifier.strip();
    if (id.startsWith("@")) {
      id = id.substring(1);
    }
    if (id.isEmpty()) {
      throw new DomainException.Invalid("identifier", "problem.bluesky-identifier");
    }
    String did = id.startsWith("did:") ? id : resolveHandle(id.toLowerCase(java.util.Locale.ROOT));
    JsonNode doc = document(did);
    String handle = null;
    for (JsonNode aka : doc.path("alsoKnownAs")) {
      if (aka.asString("").startsWith("at://")) {
        handle = aka.asString().substring("at://".length());
        break;
      }
    }
    if (!id.startsWith("did:") && !id.equalsIgnoreCase(handle)) {
      throw new DomainException.Invalid("identifier", "problem.bluesky-handle-unverified", id);
    }
    for (JsonNode service : doc.path("service")) {
      if (service.path("id").asString("").endsWith("#atproto_pds")) {
        return new Resolved(did, handle == null ? did : handle, URI.create(service.path("serviceEndpoint").asString()));
      }
    }
    throw new DomainException.Invalid("identifier", "problem.bluesky-no-pds", id);
  }

  /** The DID of a handle, or null when it cannot be resolved (for mentions). */
  String didOrNull(String handle) {
    try {
      return resolveHandle(handle);
    } catch (DomainException | AdapterException e) {
      return null;
    }
  }

  private String resolveHandle(String handle) {
    try {
      JsonNode answer = xrpc.query(settings.service, "com.atproto.identity.resolveHandle", Map.of("handle", handle), null,
          "bluesky-service:" + settings.service.getHost());
      String did = answer.path("did").asString("");
      if (!did.startsWith("did:")) {
        throw new DomainException.Invalid("identifier", "problem.bluesky-unknown-handle", handle);
      }
      return did;
    } catch (AdapterException.Rejected e) {
      throw new DomainException.Invalid("identifier", "problem.bluesky-unknown-handle", handle);
    } catch (AdapterException e) {
      throw new DomainException.Invalid("identifier", "problem.network-unreachable", settings.service.getHost(), e.getMessage());
    }
  }

  private JsonNode document(String did) {
    URI uri;
    if (did.startsWith("did:plc:")) {
      uri = URI.create(settings.plc + "/" + did);
    } else if (did.startsWith("did:web:")) {
      uri = URI.create("https://" + did.substring("did:web:".length()) + "/.well-known/did.json");
    } else {
      throw new DomainException.Invalid("identifier", "problem.bluesky-identifier");
    }
    try {
      return xrpc.remote().json(org.socius.networks.internal.RemoteApi.Call.get(uri, "plc:" + uri.getHost(), Map.of("Accept", "application/json")));
    } catch (AdapterException.Rejected e) {
      throw new DomainException.Invalid("identifier", "problem.bluesky-unknown-handle", did);
    } catch (AdapterException e) {
      throw new DomainException.Invalid("identifier", "problem.network-unreachable", uri.getHost(), e.getMessage());
    }
  }
}
