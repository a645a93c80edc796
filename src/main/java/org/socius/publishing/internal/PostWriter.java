package org.socius.publishing.internal;

import java.util.List;
import java.util.Map;
import org.socius.networks.OutgoingPost;
import org.socius.platform.Ids;
import org.springframework.stereotype.Component;

/** Writes a checked post, its images and one delivery per channel, and places it when ready. */
@Component
class PostWriter {

  private final PostStore posts;
  private final Placement placement;

  PostWriter(PostStore posts, Placement placement) {
    this.posts = posts;
    this.placement = placement;
  }

  void write(String postId, String authorId, PostForm form, PostChecks.Checked c, boolean isNew, long now) {
    var record = new PostStore.NewPost(postId, c.workspace().id(), authorId, form.text() == null ? "" : form.text().strip(),
        form.thread(), c.kind(), c.suggested(), blankToNull(form.sourceUrl()), c.stage(), c.timing(), c.at(), now);
    if (isNew) {
      posts.insert(record);
    } else {
      posts.update(record);
    }
    if (isNew || form.images() != null) {
      posts.deleteImages(postId);
      int position = 0;
      for (OutgoingPost.Image image : c.images()) {
        posts.insertImage(Ids.newId(), postId, position++, image.mimeType(), image.alt(), image.bytes());
      }
    }
    for (Map.Entry<String, List<String>> e : c.parts().entrySet()) {
      posts.insertDelivery(Ids.newId(), postId, c.workspace().id(), e.getKey(), e.getValue(), c.custom().get(e.getKey()),
          DeliveryState.WAITING, false, null, now);
    }
    if (c.stage() == Stage.READY) {
      placement.place(postId, c.timing(), c.at(), c.workspace().timeZone());
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
