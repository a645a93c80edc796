package org.socius.networks.internal.mastodon;

import org.junit.jupiter.api.AfterEach;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;

/** Tests against a fake Mastodon server and the shared app: each test starts its own server and channel. */
abstract class FakeMastodonTest {

  FakeMastodon fake;
  MastodonKit kit;

  /** A fake server with the standard answers and a workspace ready to connect to it. */
  MastodonKit start(Store store) {
    fake = new FakeMastodon().standard();
    kit = new MastodonKit(SociusApp.shared(store), fake);
    return kit;
  }

  /** As {@link #start}, with the account connected. */
  MastodonKit startConnected(Store store) {
    start(store).connect();
    return kit;
  }

  @AfterEach
  void stop() {
    if (kit != null) {
      kit.disconnect();
    }
    if (fake != null) {
      fake.close();
    }
  }
}
