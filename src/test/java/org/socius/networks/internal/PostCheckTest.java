package org.socius.networks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.socius.networks.Network;
import org.socius.networks.OutgoingPost;
import org.socius.networks.PostRules;
import org.socius.platform.DomainException;

/** The checks both networks share, without a network. */
class PostCheckTest {

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
  private static final byte[] GIF = {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0};
  private static final PostRules RULES = new PostRules(Network.MASTODON, 20, 10, 2, 16_000,
      new LinkedHashSet<>(List.of("image/jpeg", "image/png", "image/webp")));

  @Test
  void imagesWithoutAltTextAreAccepted() {
    PostCheck.check(RULES, "here", post("Bread", new OutgoingPost.Image(PNG, "image/png", null),
        new OutgoingPost.Image(PNG, "image/png", " ")));
    PostCheck.check(RULES, "here", post("", new OutgoingPost.Image(PNG, "image/png", "")));
  }

  @Test
  void theBytesDecideAnImagesTypeNotTheDeclaredOne() {
    assertInvalid(post("Bread", new OutgoingPost.Image(GIF, "image/png", "A loaf")), "images",
        "Only these kinds of image can be attached here: JPEG, PNG, WebP.");
    assertInvalid(post("Bread", new OutgoingPost.Image("<svg/>".getBytes(), "image/png", "")), "images", "JPEG, PNG, WebP");
    assertInvalid(post("Bread", new OutgoingPost.Image(new byte[0], "image/png", "")), "images", "JPEG, PNG, WebP");
    PostCheck.check(RULES, "here", post("Bread", new OutgoingPost.Image(PNG, "image/jpeg", "")));
    assertThat(PostCheck.mimeType(new OutgoingPost.Image(PNG, "image/jpeg", ""))).isEqualTo("image/png");
  }

  @Test
  void sizeCountAndLengthHaveTheirLimits() {
    byte[] big = new byte[16_001];
    System.arraycopy(PNG, 0, big, 0, PNG.length);
    assertInvalid(post("Bread", new OutgoingPost.Image(big, "image/png", "")), "images", "at most 16 KB");
    OutgoingPost.Image ok = new OutgoingPost.Image(PNG, "image/png", "");
    assertInvalid(post("Bread", Collections.nCopies(3, ok).toArray(OutgoingPost.Image[]::new)), "images", "At most 2 images");
    assertInvalid(post("x".repeat(21)), "text", "This is 21 characters long; here allows at most 20.");
    PostCheck.check(RULES, "here", post("x https://bakery.example/" + "a".repeat(50))); // 2 + 10
    assertInvalid(post(" "), "text", "There is nothing to publish.");
    assertInvalid(new OutgoingPost(List.of(), List.of(), null, "public"), "parts", "There is nothing to publish.");
    assertInvalid(new OutgoingPost(List.of("One", ""), List.of(ok), null, "public"), "text", "There is nothing to publish.");
  }

  @Test
  void limitsAreStatedAsTheNetworksStateThem() {
    assertThat(PostCheck.size(16 * 1024 * 1024)).isEqualTo("16 MB");
    assertThat(PostCheck.size(1_000_000)).isEqualTo("1 MB");
    assertThat(PostCheck.size(512 * 1024)).isEqualTo("512 KB");
    assertThat(PostCheck.size(16_000)).isEqualTo("16 KB");
    assertThat(PostCheck.size(999)).isEqualTo("999 bytes");
  }

  private static OutgoingPost post(String text, OutgoingPost.Image... images) {
    return new OutgoingPost(List.of(text), List.of(images), null, "public");
  }

  private static void assertInvalid(OutgoingPost post, String field, String message) {
    assertThatThrownBy(() -> PostCheck.check(RULES, "here", post)).isInstanceOfSatisfying(DomainException.Invalid.class, e -> {
      assertThat(e.field()).isEqualTo(field);
      assertThat(e.getMessage()).contains(message);
    });
  }
}
