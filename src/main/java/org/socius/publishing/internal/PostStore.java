package org.socius.publishing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.socius.publishing.PostKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Posts, their deliveries and images: the SQL of the publishing capability's records. */
@Repository
class PostStore {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  static final String DELIVERY_COLUMNS = """
      d.id, d.post_id, d.channel_id, d.parts, d.custom_text, d.state, d.in_queue, d.due_at, d.attempts, d.error,
      d.remote_url, d.published_at, p.kind, p.stage, p.author_id""";

  private final JdbcClient jdbc;

  PostStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record NewPost(String id, String workspaceId, String authorId, String text, boolean thread, PostKind kind, PostKind kindSuggested,
      String sourceUrl, Stage stage, Timing timing, Instant wantedAt, long now) {}

  void insert(NewPost p) {
    jdbc.sql("""
        INSERT INTO posts (id, workspace_id, author_id, text, thread, kind, kind_suggested, source_url, stage, timing, wanted_at,
          created_at, updated_at)
        VALUES (:id, :ws, :author, :text, :thread, :kind, :suggested, :source, :stage, :timing, :wanted, :now, :now)""")
        .param("id", p.id()).param("ws", p.workspaceId()).param("author", p.authorId()).param("text", p.text())
        .param("thread", p.thread()).param("kind", p.kind().code()).param("suggested", p.kindSuggested().code())
        .param("source", p.sourceUrl()).param("stage", p.stage().code()).param("timing", p.timing().code())
        .param("wanted", p.wantedAt() == null ? null : p.wantedAt().toEpochMilli()).param("now", p.now()).update();
  }

  void update(NewPost p) {
    jdbc.sql("""
        UPDATE posts SET text = :text, thread = :thread, kind = :kind, kind_suggested = :suggested, source_url = :source,
          stage = :stage, timing = :timing, wanted_at = :wanted, updated_at = :now WHERE id = :id AND workspace_id = :ws""")
        .param("id", p.id()).param("ws", p.workspaceId()).param("text", p.text()).param("thread", p.thread())
        .param("kind", p.kind().code()).param("suggested", p.kindSuggested().code()).param("source", p.sourceUrl())
        .param("stage", p.stage().code()).param("timing", p.timing().code())
        .param("wanted", p.wantedAt() == null ? null : p.wantedAt().toEpochMilli()).param("now", p.now()).update();
  }

  void insertDelivery(String id, String postId, String workspaceId, String channelId, List<String> parts, boolean customText,
      DeliveryState state, boolean inQueue, Instant dueAt, long now) {
    jdbc.sql("""
        INSERT INTO deliveries (id, post_id, workspace_id, channel_id, parts, custom_text, state, in_queue, due_at, updated_at)
        VALUES (:id, :post, :ws, :channel, :parts, :custom, :state, :queue, :due, :now)""")
        .param("id", id).param("post", postId).param("ws", workspaceId).param("channel", channelId).param("parts", json(parts))
        .param("custom", customText).param("state", state.code()).param("queue", inQueue)
        .param("due", dueAt == null ? null : dueAt.toEpochMilli()).param("now", now).update();
  }

  void insertImage(String id, String postId, int position, String mimeType, String alt, byte[] bytes) {
    jdbc.sql("""
        INSERT INTO post_images (id, post_id, position, mime_type, alt, size, bytes)
        VALUES (:id, :post, :pos, :type, :alt, :size, :bytes)""")
        .param("id", id).param("post", postId).param("pos", position).param("type", mimeType).param("alt", alt)
        .param("size", bytes.length).param("bytes", bytes).update();
  }

  void deleteImages(String postId) {
    jdbc.sql("DELETE FROM post_images WHERE post_id = :post").param("post", postId).update();
  }

  /** Removes the deliveries that have not been claimed yet (before an edit writes new ones). */
  List<String> deleteUnsent(String postId) {
    List<String> ids = jdbc.sql("SELECT id FROM deliveries WHERE post_id = :post AND state IN ('waiting', 'scheduled', 'missed')")
        .param("post", postId).query(String.class).list();
    jdbc.sql("DELETE FROM deliveries WHERE post_id = :post AND state IN ('waiting', 'scheduled', 'missed')").param("post", postId)
        .update();
    return ids;
  }

  void deletePost(String postId) {
    jdbc.sql("DELETE FROM posts WHERE id = :post").param("post", postId).update();
  }

  void setStage(String postId, Stage stage, String approvedBy, Long approvedAt, long now) {
    jdbc.sql("UPDATE posts SET stage = :stage, approved_by = :by, approved_at = :at, updated_at = :now WHERE id = :post")
        .param("post", postId).param("stage", stage.code()).param("by", approvedBy).param("at", approvedAt).param("now", now).update();
  }

  Optional<PostView> find(String workspaceId, String postId) {
    return jdbc.sql("""
        SELECT id, workspace_id, author_id, text, thread, kind, kind_suggested, source_url, stage, timing, wanted_at,
          created_at, updated_at FROM posts WHERE id = :id AND workspace_id = :ws""")
        .param("id", postId).param("ws", workspaceId)
        .query((rs, n) -> new PostView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
            kind(rs.getString(6)), kind(rs.getString(7)), rs.getString(8), Stage.of(rs.getString(9)), Timing.of(rs.getString(10)),
            instant(rs, 11), deliveriesOf(postId), images(postId), instant(rs, 12), instant(rs, 13)))
        .optional();
  }

  List<DeliveryView> deliveriesOf(String postId) {
    return jdbc.sql("SELECT " + DELIVERY_COLUMNS + " FROM deliveries d JOIN posts p ON p.id = d.post_id WHERE d.post_id = :post ORDER BY d.id")
        .param("post", postId).query(PostStore::delivery).list();
  }

  Optional<DeliveryView> delivery(String workspaceId, String deliveryId) {
    return jdbc.sql("SELECT " + DELIVERY_COLUMNS + " FROM deliveries d JOIN posts p ON p.id = d.post_id WHERE d.id = :id AND d.workspace_id = :ws")
        .param("id", deliveryId).param("ws", workspaceId).query(PostStore::delivery).optional();
  }

  List<PostView.ImageInfo> images(String postId) {
    return jdbc.sql("SELECT id, position, mime_type, alt, size FROM post_images WHERE post_id = :post ORDER BY position")
        .param("post", postId)
        .query((rs, n) -> new PostView.ImageInfo(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getInt(5))).list();
  }

  /** The images as the network receives them, in order. */
  List<org.socius.networks.OutgoingPost.Image> imageBytes(String postId) {
    return jdbc.sql("SELECT bytes, mime_type, alt FROM post_images WHERE post_id = :post ORDER BY position").param("post", postId)
        .query((rs, n) -> new org.socius.networks.OutgoingPost.Image(rs.getBytes(1), rs.getString(2), rs.getString(3))).list();
  }

  Optional<byte[]> imageBytes(String workspaceId, String imageId) {
    return jdbc.sql("SELECT i.bytes FROM post_images i JOIN posts p ON p.id = i.post_id WHERE i.id = :id AND p.workspace_id = :ws")
        .param("id", imageId).param("ws", workspaceId).query((rs, n) -> rs.getBytes(1)).optional();
  }

  /** Deliveries of a workspace due (or published) between two times, for the calendar and the queue. */
  List<DeliveryView> between(String workspaceId, String channelId, Instant from, Instant to) {
    return jdbc.sql("SELECT " + DELIVERY_COLUMNS + """
         FROM deliveries d JOIN posts p ON p.id = d.post_id
        WHERE d.workspace_id = :ws AND d.due_at >= :from AND d.due_at < :to AND d.state <> 'waiting'
          AND (:channel = '' OR d.channel_id = :channel)
        ORDER BY d.due_at, d.id""")
        .param("ws", workspaceId).param("channel", channelId == null ? "" : channelId).param("from", from.toEpochMilli())
        .param("to", to.toEpochMilli()).query(PostStore::delivery).list();
  }

  /** Deliveries in some states, newest first (history, failures, missed), at most {@code limit}. */
  List<DeliveryView> inStates(String workspaceId, List<String> states, int limit) {
    return jdbc.sql("SELECT " + DELIVERY_COLUMNS + """
         FROM deliveries d JOIN posts p ON p.id = d.post_id
        WHERE d.workspace_id = :ws AND d.state IN (:states)
        ORDER BY COALESCE(d.published_at, d.due_at, d.updated_at) DESC, d.id DESC LIMIT :limit""")
        .param("ws", workspaceId).param("states", states).param("limit", limit).query(PostStore::delivery).list();
  }

  /** Posts of a workspace in one stage, newest first. */
  List<String> postIdsInStage(String workspaceId, Stage stage, String authorId, int limit) {
    return jdbc.sql("""
        SELECT id FROM posts WHERE workspace_id = :ws AND stage = :stage AND (:author = '' OR author_id = :author)
        ORDER BY updated_at DESC, id DESC LIMIT :limit""")
        .param("ws", workspaceId).param("stage", stage.code()).param("author", authorId == null ? "" : authorId)
        .param("limit", limit).query(String.class).list();
  }

  static DeliveryView delivery(ResultSet rs, int n) throws SQLException {
    return new DeliveryView(rs.getString(1), rs.getString(2), rs.getString(3), parts(rs.getString(4)), rs.getBoolean(5),
        DeliveryState.of(rs.getString(6)), rs.getBoolean(7), instant(rs, 8), rs.getInt(9), rs.getString(10), rs.getString(11),
        instant(rs, 12), kind(rs.getString(13)), Stage.of(rs.getString(14)), rs.getString(15));
  }

  static Instant instant(ResultSet rs, int column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  static PostKind kind(String code) {
    return PostKind.valueOf(code.toUpperCase(java.util.Locale.ROOT));
  }

  static String json(List<String> parts) {
    return JSON.writeValueAsString(parts);
  }

  static List<String> parts(String json) {
    return JSON.readValue(json, new TypeReference<List<String>>() {});
  }
}
