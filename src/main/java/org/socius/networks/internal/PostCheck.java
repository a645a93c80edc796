package org.socius.networks.internal;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.socius.networks.OutgoingPost;
import org.socius.networks.PostRules;
import org.socius.platform.DomainException;
import org.socius.platform.ImageTypes;

/**
 * The checks every network shares, run before anything is sent: text length as the network
 * counts it, and the number, size and real type of the images. Alt text is not required here:
 * whether an image must be described is the workspace's policy, and the networks accept none.
 */
public final class PostCheck {

  private static final long MIB = 1024 * 1024;

  private PostCheck() {}

  /** @param where the server or network named in the messages (a Mastodon host, "Bluesky") */
  public static void check(PostRules rules, String where, OutgoingPost post) {
    List<String> parts = post.parts() == null ? List.of() : post.parts();
    List<OutgoingPost.Image> images = post.images() == null ? List.of() : post.images();
    if (parts.isEmpty()) {
      throw new DomainException.Invalid("parts", "problem.post-empty");
    }
    for (int i = 0; i < parts.size(); i++) {
      String text = parts.get(i) == null ? "" : parts.get(i);
      // the images go with the first part, which may then be without text
      if (text.isBlank() && !(i == 0 && !images.isEmpty())) {
        throw new DomainException.Invalid("text", "problem.post-empty");
      }
      int length = rules.length(text);
      if (length > rules.maxCharacters()) {
        throw new DomainException.Invalid("text", "problem.post-too-long", length, where, rules.maxCharacters());
      }
    }
    if (images.size() > rules.maxImages()) {
      throw new DomainException.Invalid("images", "problem.too-many-images", rules.maxImages());
    }
    for (OutgoingPost.Image image : images) {
      byte[] bytes = image == null ? null : image.bytes();
      if (ImageTypes.sniff(bytes).filter(rules.imageTypes()::contains).isEmpty()) {
        throw new DomainException.Invalid("images", "problem.image-type", names(rules));
      }
      if (bytes.length > rules.maxImageBytes()) {
        throw new DomainException.Invalid("images", "problem.image-too-large", size(rules.maxImageBytes()));
      }
    }
  }

  /** The type to declare when uploading: what the bytes are, whatever the client said (the server looks too). */
  public static String mimeType(OutgoingPost.Image image) {
    return ImageTypes.sniff(image.bytes()).orElse("application/octet-stream");
  }

  static String names(PostRules rules) {
    return rules.imageTypes().stream().map(PostCheck::name).collect(Collectors.joining(", "));
  }

  private static String name(String mimeType) {
    String sub = mimeType.substring(mimeType.indexOf('/') + 1);
    return sub.equals("webp") ? "WebP" : sub.toUpperCase(Locale.ROOT);
  }

  /** As the networks state their limits: Mastodon's 16 MB are binary, Bluesky's 1 MB decimal. */
  static String size(long bytes) {
    if (bytes % MIB == 0 || bytes % 1_000_000 == 0) {
      return bytes / (bytes % MIB == 0 ? MIB : 1_000_000) + " MB";
    }
    if (bytes % 1024 == 0 || bytes % 1000 == 0) {
      return bytes / (bytes % 1024 == 0 ? 1024 : 1000) + " KB";
    }
    return bytes + " bytes";
  }
}
