package org.socius.feeds.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Signs the addresses the image proxy may fetch (HMAC-SHA256 under the workspace's key), so that
 * the proxy fetches only images that appeared in the workspace's items and is nobody's open proxy.
 */
@Component
public class ImageSignature {

  private final FeedSettings settings;

  ImageSignature(FeedSettings settings) {
    this.settings = settings;
  }

  public String sign(String workspaceId, String url) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(settings.signingKey(workspaceId), "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(url.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public boolean verify(String workspaceId, String url, String signature) {
    if (url == null || signature == null || signature.length() > 100) {
      return false;
    }
    // compared in constant time, so the answer's timing tells nothing about a guess
    return MessageDigest.isEqual(sign(workspaceId, url).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
  }
}
