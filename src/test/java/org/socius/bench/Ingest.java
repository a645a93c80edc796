package org.socius.bench;

import java.time.Instant;
import org.socius.networks.Actor;
import org.socius.networks.EventType;
import org.socius.networks.Network;
import org.socius.networks.NetworkEvent;
import org.socius.networks.NetworkEventRecorded;
import org.socius.networks.Post;
import org.socius.platform.Ids;
import org.socius.testing.SociusApp;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ingest rate of network events into People and the inbox: mentions, half from accounts
 * seeded as people (remote ids {@code remote-<n>-0} on Mastodon, even n), half from accounts not
 * met before, published the way the networks capability publishes a synced page: {@code perTransaction}
 * events in one transaction (1: each its own, as before pages were one transaction).
 */
final class Ingest {

  /** Events in one synced page of notifications (Mastodon's default page is 40). */
  static final int PAGE = 40;

  private Ingest() {}

  static String run(SociusApp app, String workspaceId, int n, int perTransaction) {
    TransactionTemplate tx = new TransactionTemplate(app.bean(PlatformTransactionManager.class));
    String run = Ids.newId().substring(0, 8);
    long t = System.nanoTime();
    for (int from = 0; from < n; from += perTransaction) {
      int start = from;
      tx.executeWithoutResult(s -> {
        for (int i = start; i < Math.min(n, start + perTransaction); i++) {
          String who = i % 2 == 0 ? "remote-" + (2 * i) + "-0" : "new-" + run + "-" + i;
          Actor actor = new Actor(who, "@" + who + "@example.social", "Ingest " + who, "", "", "", "");
          Instant at = Instant.now();
          NetworkEvent e = new NetworkEvent(Ids.newId(), workspaceId, "channel-0", Network.MASTODON, EventType.MENTIONED,
              "n-" + run + "-" + i, actor, new Post("ingest-post-" + run + "-" + i, "", "Hello number " + i, "en", at, null, null),
              false, at, at);
          app.context().publishEvent(new NetworkEventRecorded(e));
        }
      });
    }
    double seconds = (System.nanoTime() - t) / 1e9;
    return String.format("ingest, %d event(s) a transaction: %,d mentions (half from people met before) in %.1f s: %.0f events/s%n",
        perTransaction, n, seconds, n / seconds);
  }
}
