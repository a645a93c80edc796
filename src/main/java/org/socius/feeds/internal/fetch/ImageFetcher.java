package org.socius.feeds.internal.fetch;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.socius.platform.ImageTypes;
import org.socius.platform.OutboundHttp;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fetches an image for the article view's proxy through the same guarded client as feeds (SSRF
 * guard on every hop, redirect, time and size caps). Only raster images come back: the server must
 * call it an image other than SVG (which can carry script), and its first bytes must be PNG, JPEG,
 * GIF, WebP or AVIF; the type served is the one the bytes show.
 */
@Component
public class ImageFetcher {

  static final String ACCEPT = "image/avif, image/webp, image/png, image/jpeg, image/gif;q=0.9";

  private final OutboundHttp http;
  private final OutboundHttp.Policy policy;

  public ImageFetcher(OutboundHttp http, @Value("${socius.feeds.image-max-bytes:10485760}") long maxBody,
      @Value("${socius.feeds.image-timeout:15s}") Duration timeout) {
    this.http = http;
    OutboundHttp.Policy d = OutboundHttp.Policy.defaults();
    this.policy = new OutboundHttp.Policy(d.connectTimeout(), timeout, maxBody, d.maxRedirects());
  }

  public record Image(String type, byte[] bytes) {}

  /** @throws FetchFailure with the reason in words; its cause is the guard's refusal when the address may not be fetched */
  public Image fetch(URI address) {
    OutboundHttp.Response response;
    try {
      response = http.send("GET", address, Map.of("Accept", ACCEPT), null, policy);
    } catch (OutboundHttp.OutboundException e) {
      throw new FetchFailure(e.getMessage(), null, e);
    }
    if (response.status() < 200 || response.status() > 299) {
      throw new FetchFailure("The server answered " + response.status() + " for the image", null, null);
    }
    String declared = response.header("Content-Type").orElse("").toLowerCase(Locale.ROOT).strip();
    if (!declared.startsWith("image/") || declared.startsWith("image/svg")) {
      throw new FetchFailure("Not a raster image (the server calls it " + (declared.isEmpty() ? "nothing" : declared) + ")", null,
          null);
    }
    String type = sniff(response.body()).orElseThrow(() -> new FetchFailure("The bytes are not a PNG, JPEG, GIF, WebP or AVIF image",
        null, null));
    return new Image(type, response.body());
  }

  static Optional<String> sniff(byte[] b) {
    Optional<String> known = ImageTypes.sniff(b);
    if (known.isPresent()) {
      return known;
    }
    // AVIF: an ISO media file whose brand is avif (still) or avis (sequence)
    if (b.length >= 12 && new String(b, 4, 4, StandardCharsets.US_ASCII).equals("ftyp")) {
      String brand = new String(b, 8, 4, StandardCharsets.US_ASCII);
      if (brand.equals("avif") || brand.equals("avis")) {
        return Optional.of("image/avif");
      }
    }
    return Optional.empty();
  }
}
