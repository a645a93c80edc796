package org.socius.networks;

/**
 * Publishes on a channel exactly once per idempotency key: a retry with the same key (after a
 * crash, a timeout, a lost answer) returns what the first attempt created instead of posting again.
 */
public interface Publisher {

  /**
   * @throws org.socius.platform.DomainException.Invalid when the post breaks the network's rules
   *     (length, image count, alt text)
   * @throws PublishFailure when the network refused or could not be reached; it says whether a
   *     retry can help and when
   */
  Published publish(String workspaceId, String channelId, OutgoingPost post, String idempotencyKey);
}
