package org.socius.networks.internal.mastodon;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socius.testing.Prerequisites;

/**
 * Prism (Stoplight's OpenAPI 3.1 validator) started by {@code scripts/mastodon-prism} as a
 * subprocess on a free loopback port. In proxy mode it checks each request against the Mastodon
 * API description, forwards it to a test server, checks the answer too, and lists every
 * violation in the {@code sl-violations} answer header.
 */
final class Prism implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Prism.class);
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3); // includes the first install

  private final Process process;
  private final int port;
  private final Path logFile;

  private Prism(Process process, int port, Path logFile) {
    this.process = process;
    this.port = port;
    this.logFile = logFile;
  }

  /** Validates requests and answers on their way to and from {@code upstream}. */
  static Prism proxy(String upstream) {
    MastodonSpec.require();
    Prerequisites.require(onPath("npm"), "npm on the PATH (scripts/mastodon-prism installs Prism with it)");
    Path script = MastodonSpec.projectRoot().resolve("scripts/mastodon-prism");
    int port = freePort();
    Path logFile = MastodonSpec.projectRoot().resolve("target/prism-" + port + ".log");
    long started = System.nanoTime();
    Process process;
    try {
      Files.createDirectories(logFile.getParent());
      process = new ProcessBuilder(List.of(script.toString(), "proxy", "--port", String.valueOf(port), "--upstream", upstream,
          "--spec", MastodonSpec.path().toString()))
          .redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot start " + script + ": " + e.getMessage(), e);
    }
    Prism prism = new Prism(process, port, logFile);
    long deadline = started + START_TIMEOUT.toNanos();
    while (!prism.listening()) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Prism stopped with exit code " + process.exitValue() + ":\n" + prism.logTail());
      }
      if (System.nanoTime() > deadline) {
        prism.close();
        throw new IllegalStateException("Prism did not listen within " + START_TIMEOUT + ":\n" + prism.logTail());
      }
      MastodonKit.sleep(200);
    }
    log.warn("Prism proxy ready on port {} after {} ms", port, Duration.ofNanos(System.nanoTime() - started).toMillis());
    return prism;
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  private boolean listening() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(logFile);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
