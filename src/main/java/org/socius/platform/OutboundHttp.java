package org.socius.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The one way Socius talks to the outside world. Every request, and every redirect hop, passes
 * the {@link NetworkGuard}; bodies are capped after decompression (a gzip bomb stops at the cap);
 * connect and whole-request timeouts and a redirect cap apply. Errors come back as
 * {@link OutboundException} with a reason a person can read.
 */
public final class OutboundHttp {

  /** Limits for one request; {@link #defaults()} suits feeds and APIs. */
  public record Policy(Duration connectTimeout, Duration requestTimeout, long maxBodyBytes, int maxRedirects) {
    public static Policy defaults() {
      return new Policy(Duration.ofSeconds(10), Duration.ofSeconds(30), 10L * 1024 * 1024, 5);
    }
  }

  /** What came back: the final URI after redirects, status, headers and the (decompressed) body. */
  public record Response(URI uri, int status, java.net.http.HttpHeaders headers, byte[] body) {
    public Optional<String> header(String name) {
      return headers.firstValue(name);
    }
  }

  public static final class OutboundException extends RuntimeException {
    public OutboundException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final NetworkGuard guard;
  private final Policy defaults;
  private final HttpClient client;
  private final String userAgent;

  public OutboundHttp(NetworkGuard guard, Policy defaults, String userAgent) {
    this.guard = guard;
    this.defaults = defaults;
    this.userAgent = userAgent;
    this.client = HttpClient.newBuilder()
        .connectTimeout(defaults.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER) // followed here so that each hop is checked
        .build();
  }

  public Response get(URI uri, Map<String, String> headers) {
    return send("GET", uri, headers, null, defaults);
  }

  public Response send(String method, URI uri, Map<String, String> headers, byte[] body, Policy policy) {
    URI current = uri;
    for (int hop = 0; ; hop++) {
      guard.check(current);
      HttpRequest.Builder request = HttpRequest.newBuilder(current)
          .timeout(policy.requestTimeout())
          .header("User-Agent", userAgent)
          .header("Accept-Encoding", "gzip");
      headers.forEach(request::header);
      request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
      HttpResponse<InputStream> response;
      try {
        response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      } catch (HttpTimeoutException e) {
        throw new OutboundException("No answer from " + current.getHost() + " within " + policy.requestTimeout().toSeconds() + " s", e);
      } catch (IOException e) {
        throw new OutboundException("Could not reach " + current.getHost() + ": " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new OutboundException("Interrupted while fetching " + current, e);
      }
      int status = response.statusCode();
      Optional<String> location = response.headers().firstValue("Location");
      if (status >= 300 && status < 400 && status != 304 && location.isPresent()) {
        closeQuietly(response.body());
        if (hop >= policy.maxRedirects()) {
          throw new OutboundException("Too many redirects (more than " + policy.maxRedirects() + ") from " + uri, null);
        }
        current = current.resolve(location.get().strip());
        if (status == 303) {
          method = "GET";
          body = null;
        }
        continue;
      }
      byte[] bytes = readCapped(response, policy.maxBodyBytes());
      return new Response(current, status, response.headers(), bytes);
    }
  }

  private static byte[] readCapped(HttpResponse<InputStream> response, long cap) {
    boolean gzip = response.headers().firstValue("Content-Encoding").map(v -> v.toLowerCase().contains("gzip")).orElse(false);
    try (InputStream raw = response.body(); InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[16 * 1024];
      long total = 0;
      for (int n; (n = in.read(buffer)) != -1; ) {
        total += n;
        if (total > cap) {
          throw new OutboundException("The answer from " + response.uri().getHost() + " is larger than the limit of " + cap + " bytes", null);
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new OutboundException("Reading the answer from " + response.uri().getHost() + " failed: " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // the redirect body is not needed
    }
  }
}
