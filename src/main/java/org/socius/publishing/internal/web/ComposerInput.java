package org.socius.publishing.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.socius.platform.DomainException;
import org.socius.publishing.internal.PostForm;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The composer form as submitted. Read from the request by hand because its field names carry
 * channel and image ids ({@code text-<channel>}, {@code alt-<image>}), and because it arrives as
 * multipart from a browser but may come url-encoded from elsewhere.
 */
record ComposerInput(List<String> channels, String text, Map<String, String> channelTexts, boolean thread, String kind,
    String at, String actionCode, String slot, String slotChannel, List<String> alts, List<MultipartFile> files,
    Set<String> removed, Map<String, String> keptAlts) {

  static ComposerInput of(HttpServletRequest request) {
    String[] chosen = request.getParameterValues("channels");
    List<String> channels = chosen == null ? List.of() : List.of(chosen);
    Map<String, String> texts = new LinkedHashMap<>();
    Map<String, String> keptAlts = new LinkedHashMap<>();
    request.getParameterMap().forEach((name, values) -> {
      if (name.startsWith("text-") && values.length > 0) {
        texts.put(name.substring(5), values[0]);
      } else if (name.startsWith("alt-") && values.length > 0) {
        keptAlts.put(name.substring(4), values[0]);
      }
    });
    List<String> alts = new ArrayList<>();
    List<MultipartFile> files = new ArrayList<>();
    for (int i = 1; i <= ComposerView.MAX_IMAGES; i++) {
      alts.add(param(request, "alt" + i));
      MultipartFile file = request instanceof MultipartHttpServletRequest m ? m.getFile("image" + i) : null;
      files.add(file == null || file.isEmpty() ? null : file);
    }
    String[] removed = request.getParameterValues("remove");
    return new ComposerInput(channels, param(request, "text"), texts, "true".equals(request.getParameter("thread")),
        param(request, "kind"), param(request, "at"), param(request, "action"), param(request, "slot"),
        param(request, "slotChannel"), alts, files, removed == null ? Set.of() : new java.util.HashSet<>(List.of(removed)), keptAlts);
  }

  private static String param(HttpServletRequest request, String name) {
    String value = request.getParameter(name);
    return value == null ? "" : value;
  }

  PostForm.Action action() {
    try {
      return PostForm.Action.valueOf(actionCode.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new DomainException.Invalid("action", "problem.action");
    }
  }

  boolean hasFiles() {
    return files.stream().anyMatch(f -> f != null);
  }

  /** The new images in order, each with the alt text typed beside it. */
  List<PostForm.Image> newImages() {
    List<PostForm.Image> images = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      if (files.get(i) != null) {
        try {
          images.add(new PostForm.Image(files.get(i).getBytes(), alts.get(i)));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return images;
  }

  /** The form for the services; {@code images} null keeps a post's images as they are. */
  PostForm form(Times times, String sourceUrl, List<PostForm.Image> images) {
    PostForm.Action action = action();
    Map<String, String> own = new LinkedHashMap<>();
    channelTexts.forEach((id, value) -> {
      if (channels.contains(id) && !value.isBlank()) {
        own.put(id, value);
      }
    });
    return new PostForm(channels, text, own, thread, kind.isBlank() ? null : kind, sourceUrl, action,
        action == PostForm.Action.AT ? times.parse("at", at) : null, images);
  }
}
