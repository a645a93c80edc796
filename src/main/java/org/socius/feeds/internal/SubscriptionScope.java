package org.socius.feeds.internal;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which of a workspace's subscriptions {@code s} a view or an action covers: all, one
 * subscription, or one category's; as a WHERE clause and the parameters it binds.
 */
record SubscriptionScope(String workspaceId, String subscriptionId, String categoryId) {

  /** The condition on {@code s} (binds {@code :ws}, and {@code :sub} or {@code :cat} when given). */
  String where() {
    String where = "s.workspace_id = :ws";
    if (subscriptionId != null) {
      where += " AND s.id = :sub";
    }
    if (categoryId != null) {
      where += " AND EXISTS (SELECT 1 FROM feed_subscription_categories sc WHERE sc.subscription_id = s.id AND sc.category_id = :cat)";
    }
    return where;
  }

  JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
    spec = spec.param("ws", workspaceId);
    if (subscriptionId != null) {
      spec = spec.param("sub", subscriptionId);
    }
    if (categoryId != null) {
      spec = spec.param("cat", categoryId);
    }
    return spec;
  }
}
