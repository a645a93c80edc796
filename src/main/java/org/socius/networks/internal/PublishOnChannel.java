package org.socius.networks.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.socius.networks.Channel;
import org.socius.networks.OutgoingPost;
import org.socius.networks.PostRules;
import org.socius.networks.PublishFailure;
import org.socius.networks.Published;
import org.socius.networks.Publisher;
import org.socius.platform.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The one publish operation. Parts already confirmed for this idempotency key are never sent
 * again; the adapter makes the network itself idempotent for the part in flight.
 */
@Service
public class PublishOnChannel implements Publisher, org.socius.networks.Profiles {

  private final ChannelStore channels;
  private final CredentialVault vault;
  private final Adapters adapters;
  private final JdbcClient jdbc;
  private final Clock clock;

  PublishOnChannel(ChannelStore channels, CredentialVault vault, Adapters adapters, JdbcClient jdbc, Clock clock) {
    this.channels = channels;
    this.vault = vault;
    this.adapters = adapters;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public PostRules rules(String workspaceId, String channelId) {
    Channel channel = channel(workspaceId, channelId);
    return adapters.of(channel.network()).rules(channel);
  }

  @Override
  public void check(String workspaceId, String channelId, OutgoingPost post) {
    Channel channel = channel(workspaceId, channelId);
    adapters.of(channel.network()).validate(channel, post);
  }

  private Channel channel(String workspaceId, String channelId) {
    return channels.find(workspaceId, channelId).orElseThrow(() -> new DomainException.NotFound("problem.no-channel"));
  }

  /** Ordinary posts only: replies and direct messages go through {@link SendPersonalMessage}, behind the humanity rules. */
  @Override
  public Published publish(String workspaceId, String channelId, OutgoingPost post, String idempotencyKey) {
    if (post.replyTo() != null || "direct".equalsIgnoreCase(post.visibility())) {
      throw new DomainException.Forbidden("problem.person-must-act");
    }
    return send(workspaceId, channelId, post, idempotencyKey);
  }

  /** A reply or direct message a person wrote; only {@link SendPersonalMessage} calls it, after its checks. */
  Published publishPersonal(String workspaceId, String channelId, OutgoingPost post, String idempotencyKey) {
    return send(workspaceId, channelId, post, idempotencyKey);
  }

  private Published send(String workspaceId, String channelId, OutgoingPost post, String idempotencyKey) {
    Channel channel = channel(workspaceId, channelId);
    if (post.parts() == null || post.parts().isEmpty()) {
      throw new DomainException.Invalid("parts", "problem.post-empty");
    }
    if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
      throw new DomainException.Invalid("idempotencyKey", "problem.idempotency-key");
    }
    Log log = new Log(channelId, idempotencyKey);
    if (log.all(post.parts().size()) != null) {
      return log.all(post.parts().size());
    }
    NetworkAdapter adapter = adapters.of(channel.network());
    adapter.validate(channel, post);
    return onChannel(channel, session -> adapter.publish(session, post, idempotencyKey, log));
  }

  /** A like or repost a person asked for; only {@link SendPersonalMessage} calls it. */
  Published.Part react(String workspaceId, String channelId, org.socius.networks.PersonalMessages.Reaction reaction,
      String postRemoteId, String idempotencyKey) {
    Channel channel = channel(workspaceId, channelId);
    return onChannel(channel, session -> adapters.of(channel.network()).react(session, reaction, postRemoteId, idempotencyKey));
  }

  @Override
  public List<org.socius.networks.Actor> mutualConnections(String workspaceId, String channelId, String actorRemoteId, int limit) {
    Channel channel = channel(workspaceId, channelId);
    return onChannel(channel, session -> adapters.of(channel.network()).mutualConnections(session, actorRemoteId, limit));
  }

  @Override
  public List<org.socius.networks.Post> latestPosts(String workspaceId, String channelId, String actorRemoteId, int limit) {
    Channel channel = channel(workspaceId, channelId);
    return onChannel(channel, session -> adapters.of(channel.network()).latestPosts(session, actorRemoteId, limit));
  }

  /**
   * Runs one call with the channel's session: adapter failures become {@link PublishFailure}s
   * that say whether a retry helps, rejected credentials mark the channel, and refreshed
   * credentials are stored again.
   */
  private <T> T onChannel(Channel channel, java.util.function.Function<Session, T> call) {
    String channelId = channel.id();
    if (channel.status() == Channel.Status.NEEDS_RECONNECT || channel.status() == Channel.Status.DISCONNECTED) {
      throw new PublishFailure(channel.handle() + " needs to be connected again before anything can be published", false, null);
    }
    Session session = new Session(channelId, vault.open(channelId, channels.syncState(channelId).sealedCredentials()));
    try {
      return call.apply(session);
    } catch (AdapterException.CredentialsRejected e) {
      channels.status(channelId, Channel.Status.NEEDS_RECONNECT, e.getMessage(), null);
      throw new PublishFailure(e.getMessage(), false, null);
    } catch (AdapterException.RateLimited e) {
      throw new PublishFailure(e.getMessage(), true, e.until());
    } catch (AdapterException.Transient | AdapterException.Malformed e) {
      throw new PublishFailure(e.getMessage(), true, null);
    } catch (AdapterException.Rejected e) {
      throw new PublishFailure(e.getMessage(), false, null);
    } finally {
      if (session.changed()) {
        channels.replaceCredentials(channelId, vault.seal(channelId, session.credentials()));
      }
    }
  }

  private final class Log implements NetworkAdapter.PartLog {
    private final String channelId;
    private final String key;

    Log(String channelId, String key) {
      this.channelId = channelId;
      this.key = key;
    }

    @Override
    public Published.Part done(int part) {
      return jdbc.sql("SELECT remote_id, url FROM published_parts WHERE channel_id = :c AND idempotency_key = :k AND part = :p")
          .param("c", channelId).param("k", key).param("p", part)
          .query((rs, n) -> new Published.Part(rs.getString(1), rs.getString(2))).optional().orElse(null);
    }

    @Override
    public void record(int part, Published.Part published) {
      jdbc.sql("""
          INSERT INTO published_parts (channel_id, idempotency_key, part, remote_id, url, published_at)
          VALUES (:c, :k, :p, :id, :url, :now) ON CONFLICT (channel_id, idempotency_key, part) DO NOTHING""")
          .param("c", channelId).param("k", key).param("p", part).param("id", published.remoteId()).param("url", published.url())
          .param("now", clock.millis()).update();
    }

    Published all(int parts) {
      List<Published.Part> found = new ArrayList<>();
      for (int i = 0; i < parts; i++) {
        Published.Part p = done(i);
        if (p == null) {
          return null;
        }
        found.add(p);
      }
      return new Published(found);
    }
  }
}
