package org.socius.feeds.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.socius.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A workspace's subscriptions and categories; every query starts from the workspace id. */
@Repository
public class SubscriptionStore {

  private final JdbcClient jdbc;
  private final ReadCounts counts;

  SubscriptionStore(JdbcClient jdbc, ReadCounts counts) {
    this.jdbc = jdbc;
    this.counts = counts;
  }

  /** Subscribes the workspace unless it already is; answers the subscription's id and whether it is new. */
  public record Subscribed(String id, boolean created) {}

  public Subscribed subscribe(String workspaceId, String feedId, String title, Instant now) {
    String id = Ids.newId();
    int inserted = jdbc.sql("""
        INSERT INTO feed_subscriptions (id, workspace_id, feed_id, title, created_at) VALUES (:id, :ws, :feed, :title, :now)
        ON CONFLICT (workspace_id, feed_id) DO NOTHING""")
        .param("id", id).param("ws", workspaceId).param("feed", feedId).param("title", FeedStore.text(title, 500))
        .param("now", now.toEpochMilli()).update();
    if (inserted == 1) {
      return new Subscribed(id, true);
    }
    return new Subscribed(jdbc.sql("SELECT id FROM feed_subscriptions WHERE workspace_id = :ws AND feed_id = :feed")
        .param("ws", workspaceId).param("feed", feedId).query(String.class).single(), false);
  }

  public int unsubscribe(String workspaceId, String subscriptionId) {
    return jdbc.sql("DELETE FROM feed_subscriptions WHERE id = :id AND workspace_id = :ws").param("id", subscriptionId)
        .param("ws", workspaceId).update();
  }

  public void rename(String workspaceId, String subscriptionId, String title) {
    jdbc.sql("UPDATE feed_subscriptions SET title = :title WHERE id = :id AND workspace_id = :ws").param("id", subscriptionId)
        .param("ws", workspaceId).param("title", FeedStore.text(title, 500)).update();
  }

  /** The workspace's subscriptions by name, each with the member's unread count. */
  public List<Subscription> list(String workspaceId, String memberId) {
    Map<String, Integer> unread = counts.unread(workspaceId, memberId);
    Map<String, List<String>> categories = categoriesBySubscription(workspaceId);
    List<Subscription> out = jdbc.sql("""
        SELECT s.id AS sub_id, s.title AS sub_title, s.created_at AS sub_created, f.* FROM feed_subscriptions s
        JOIN feeds f ON f.id = s.feed_id WHERE s.workspace_id = :ws""")
        .param("ws", workspaceId)
        .query((rs, n) -> new Subscription(rs.getString("sub_id"), workspaceId, rs.getString("sub_title"),
            categories.getOrDefault(rs.getString("sub_id"), List.of()), FeedStore.feed(rs, n),
            unread.getOrDefault(rs.getString("sub_id"), 0), Instant.ofEpochMilli(rs.getLong("sub_created"))))
        .list();
    return out.stream().sorted(java.util.Comparator.comparing(s -> s.name().toLowerCase(java.util.Locale.ROOT))).toList();
  }

  public Optional<Subscription> get(String workspaceId, String memberId, String subscriptionId) {
    return list(workspaceId, memberId).stream().filter(s -> s.id().equals(subscriptionId)).findFirst();
  }

  private Map<String, List<String>> categoriesBySubscription(String workspaceId) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    jdbc.sql("""
        SELECT sc.subscription_id, c.name FROM feed_subscription_categories sc JOIN feed_categories c ON c.id = sc.category_id
        WHERE c.workspace_id = :ws ORDER BY c.name""")
        .param("ws", workspaceId)
        .query((rs, n) -> out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2))).list();
    return out;
  }

  public record Category(String id, String name, int feeds) {}

  public List<Category> categories(String workspaceId) {
    return jdbc.sql("""
        SELECT c.id, c.name, COUNT(sc.subscription_id) FROM feed_categories c
        LEFT JOIN feed_subscription_categories sc ON sc.category_id = c.id
        WHERE c.workspace_id = :ws GROUP BY c.id, c.name ORDER BY c.name""")
        .param("ws", workspaceId).query((rs, n) -> new Category(rs.getString(1), rs.getString(2), rs.getInt(3))).list();
  }

  /** The category of that name, made when missing. */
  public String category(String workspaceId, String name) {
    jdbc.sql("INSERT INTO feed_categories (id, workspace_id, name) VALUES (:id, :ws, :name) ON CONFLICT (workspace_id, name) DO NOTHING")
        .param("id", Ids.newId()).param("ws", workspaceId).param("name", name).update();
    return jdbc.sql("SELECT id FROM feed_categories WHERE workspace_id = :ws AND name = :name").param("ws", workspaceId)
        .param("name", name).query(String.class).single();
  }

  public Optional<Category> categoryById(String workspaceId, String categoryId) {
    return categories(workspaceId).stream().filter(c -> c.id().equals(categoryId)).findFirst();
  }

  /** Puts the subscription in exactly these categories (by name, made when missing). */
  public void setCategories(String workspaceId, String subscriptionId, List<String> names) {
    jdbc.sql("DELETE FROM feed_subscription_categories WHERE subscription_id = :sub").param("sub", subscriptionId).update();
    for (String name : names) {
      jdbc.sql("""
          INSERT INTO feed_subscription_categories (subscription_id, category_id) VALUES (:sub, :cat)
          ON CONFLICT (subscription_id, category_id) DO NOTHING""")
          .param("sub", subscriptionId).param("cat", category(workspaceId, name)).update();
    }
  }

  /** Adds categories without taking any away. */
  public void addCategories(String workspaceId, String subscriptionId, List<String> names) {
    for (String name : names) {
      jdbc.sql("""
          INSERT INTO feed_subscription_categories (subscription_id, category_id) VALUES (:sub, :cat)
          ON CONFLICT (subscription_id, category_id) DO NOTHING""")
          .param("sub", subscriptionId).param("cat", category(workspaceId, name)).update();
    }
  }
}
