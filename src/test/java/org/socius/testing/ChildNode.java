package org.socius.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Socius node in a process of its own, started as an operator would, so that a test can kill
 * it with SIGKILL at the worst moment (which an in-process app cannot model: closing a context
 * lets running work finish). It uses the test classpath and the shared test key.
 */
public final class ChildNode implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path log;

  private ChildNode(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts a node on a PostgreSQL database, or on SQLite in {@code dataDir} when the URL is null,
   * and waits until it answers its health check.
   */
  public static ChildNode start(String postgresUrl, Path dataDir, Map<String, String> properties) {
    try {
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx512m");
      command.add("-Dsocius.data-dir=" + dataDir);
      command.add("-Dsocius.secret-key=" + SociusApp.TEST_KEY);
      command.add("-Dsocius.allow-private-networks=127.0.0.1,::1");
      if (postgresUrl != null) {
        command.add("-Dsocius.db.url=" + postgresUrl);
      }
      properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add("org.socius.cli.SociusCli");
      command.add("serve");
      command.add("--port=" + port);
      Path log = Files.createTempFile("socius-node", ".log");
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      ChildNode node = new ChildNode(process, port, log);
      node.awaitHealthy(Duration.ofSeconds(180)); // generous: a loaded machine starts slowly
      return node;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void awaitHealthy(Duration timeout) {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The node stopped: " + tail());
      }
      try {
        var r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(200);
    }
    throw new IllegalStateException("The node did not become healthy: " + tail());
  }

  /** SIGKILL: no shutdown hook, no finishing of work in flight. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** SIGTERM, then waits for the orderly shutdown (SIGKILL if it takes longer than a minute). */
  public void stop() {
    process.destroy();
    try {
      if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        kill();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public int port() {
    return port;
  }

  /** The process id, e.g. to read its CPU time and memory from /proc. */
  public long pid() {
    return process.pid();
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** The node's whole output (standard output and error). */
  public Path log() {
    return log;
  }

  public String tail() {
    try {
      String text = Files.readString(log);
      return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    } catch (IOException e) {
      return "(no log)";
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
