package org.socius.networks.internal.bluesky;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where the AT Protocol network is: the PLC directory (DID documents), a service that resolves
 * handles, and the web app whose links Socius shows. All configurable, so that a local network
 * works ({@code SOCIUS_BLUESKY_PLC_URL}, {@code SOCIUS_BLUESKY_SERVICE_URL}, {@code SOCIUS_BLUESKY_WEB_URL}).
 */
@Component
class BlueskySettings {

  final URI plc;
  final URI service;
  final String web;

  BlueskySettings(@Value("${socius.bluesky.plc-url:https://plc.directory}") String plc,
      @Value("${socius.bluesky.service-url:https://bsky.social}") String service,
      @Value("${socius.bluesky.web-url:https://bsky.app}") String web) {
    this.plc = URI.create(strip(plc));
    this.service = URI.create(strip(service));
    this.web = strip(web);
  }

  private static String strip(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  String profileUrl(String handleOrDid) {
    return web + "/profile/" + handleOrDid;
  }

  /** The web address of a post from its at:// URI. */
  String postUrl(String atUri) {
    // at://did/app.bsky.feed.post/rkey
    String[] parts = atUri.substring("at://".length()).split("/");
    return parts.length == 3 ? web + "/profile/" + parts[0] + "/post/" + parts[2] : null;
  }
}
