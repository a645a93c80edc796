package org.socius.publishing.internal.web;

import java.time.Duration;
import org.socius.platform.DomainException;
import org.socius.platform.ImageTypes;
import org.socius.platform.web.PageController;
import org.socius.publishing.internal.PostLists;
import org.socius.team.Member;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A post's image, for members of its workspace only. The type comes from the bytes, never from
 * what the uploader claimed; the browser may keep it privately, since an image never changes.
 */
@PageController
class ImagesController {

  private final PostLists lists;

  ImagesController(PostLists lists) {
    this.lists = lists;
  }

  @GetMapping("/w/{slug}/publish/images/{imageId}")
  ResponseEntity<byte[]> image(Member member, @PathVariable String imageId) {
    byte[] bytes = lists.image(member, imageId).orElseThrow(() -> new DomainException.NotFound("problem.no-image"));
    String type = ImageTypes.sniff(bytes).orElse("image/*");
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
        .cacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePrivate())
        .header("X-Content-Type-Options", "nosniff").body(bytes);
  }
}
