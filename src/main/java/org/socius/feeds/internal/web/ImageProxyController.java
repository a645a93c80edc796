package org.socius.feeds.internal.web;

import java.net.URI;
import java.time.Duration;
import org.socius.feeds.internal.FeedSettings;
import org.socius.feeds.internal.ImagePolicy;
import org.socius.feeds.internal.ImageSignature;
import org.socius.feeds.internal.fetch.FetchFailure;
import org.socius.feeds.internal.fetch.ImageFetcher;
import org.socius.platform.DomainException;
import org.socius.platform.NetworkGuard;
import org.socius.platform.web.PageController;
import org.socius.team.Member;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The image proxy of the article view, for members only: it fetches an address only with the
 * workspace's signature on it (so it serves the images of the workspace's items and nothing
 * else), through the guarded fetcher, and answers raster images that can run nothing.
 */
@PageController
class ImageProxyController {

  private final ImageSignature signature;
  private final FeedSettings settings;
  private final ImageFetcher fetcher;

  ImageProxyController(ImageSignature signature, FeedSettings settings, ImageFetcher fetcher) {
    this.signature = signature;
    this.settings = settings;
    this.fetcher = fetcher;
  }

  @GetMapping("/w/{slug}/feeds/image")
  ResponseEntity<byte[]> image(Member member, @RequestParam(defaultValue = "") String u, @RequestParam(defaultValue = "") String s) {
    // a wrong signature, or a workspace that no longer proxies, is told apart from nothing else
    if (!signature.verify(member.workspaceId(), u, s) || settings.images(member.workspaceId()) != ImagePolicy.PROXY) {
      throw new DomainException.NotFound("feeds.problem.image");
    }
    ImageFetcher.Image image;
    try {
      image = fetcher.fetch(URI.create(u));
    } catch (FetchFailure e) {
      if (e.getCause() instanceof NetworkGuard.RefusedDestination refused) {
        throw new DomainException.Forbidden("feeds.images.refused", refused.getMessage());
      }
      throw new DomainException.Upstream("feeds.images.failed", e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new DomainException.NotFound("feeds.problem.image");
    }
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(image.type()))
        .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate())
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Disposition", "inline")
        .body(image.bytes());
  }
}
