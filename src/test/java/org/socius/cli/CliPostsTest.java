package org.socius.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.socius.publishing.PublishingKit;
import org.socius.testing.MastodonStatuses;
import org.socius.testing.SociusApp;

/**
 * post add, queue list, post import and post export on a data directory while the server is
 * stopped; when it starts again, what the command line scheduled goes out on time.
 */
@Isolated
class CliPostsTest {

  @TempDir
  Path dataDir;

  @Test
  void theCommandLineSchedulesImportsListsAndExportsPosts() throws Exception {
    Map<String, String> quiet = Map.of("socius.networks.sync-interval", "1h");
    try (MastodonStatuses server = new MastodonStatuses()) {
      SociusApp app = SociusApp.startOnDataDir(dataDir, quiet);
      var kit = new PublishingKit(app, server, 1);
      String handle = PublishingKit.JSON.readTree(kit.api("GET", "/channels", null).body()).path("items").get(0).path("handle").asString();
      assertThat(kit.api("PUT", "/channels/" + kit.channels.get(0) + "/slots", "{\"slots\": [\"mon 08:15\", \"thu 18:00\"]}").status())
          .isEqualTo(200);
      String email = kit.team.owner().email();
      String slug = kit.team.slug();
      app.close();

      var queued = Cli.on(dataDir, "post", "add", "--email", email, "--workspace", slug, "--channel", handle, "Queued from the shell");
      assertThat(queued.code()).as(queued.err()).isZero();
      assertThat(queued.out()).contains("scheduled");
      Instant soon = Instant.now().plusSeconds(20);
      var timed = Cli.on(dataDir, "post", "add", "--email", email, "--workspace", slug, "--channel", handle, "--at", soon.toString(),
          "Timed from the shell");
      assertThat(timed.code()).as(timed.err()).isZero();
      Matcher id = Pattern.compile("^(\\S+) ").matcher(timed.out());
      assertThat(id.find()).isTrue();
      String deliveryId = id.group(1);

      var tooLong = Cli.on(dataDir, "post", "add", "--email", email, "--workspace", slug, "--channel", handle, "x".repeat(501));
      assertThat(tooLong.code()).isEqualTo(1);
      assertThat(tooLong.err()).contains("socius: This is 501 characters long");

      var list = Cli.on(dataDir, "queue", "list", "--email", email, "--workspace", slug);
      assertThat(list.code()).as(list.err()).isZero();
      assertThat(list.out()).contains(handle).contains("Queued from the shell").contains("Timed from the shell").contains("Next 7 days:");

      Path csv = dataDir.resolve("posts.csv");
      Files.writeString(csv, "channels,at,text\n" + handle + ",,Imported into the queue\n" + handle + ",2020-01-01 08:00,Too late\n");
      var imported = Cli.on(dataDir, "post", "import", "--email", email, "--workspace", slug, csv.toString());
      assertThat(imported.code()).as("a refused row makes the exit code 1").isEqualTo(1);
      assertThat(imported.out()).contains("line 2: scheduled").contains("line 3: refused: That time has passed")
          .contains("1 scheduled, 1 refused");

      var export = Cli.on(dataDir, "post", "export", "--email", email, "--workspace", slug);
      assertThat(export.code()).as(export.err()).isZero();
      assertThat(export.out()).startsWith("channels,at,text,kind,state,url").contains("Imported into the queue").doesNotContain("Too late");

      SociusApp again = SociusApp.startOnDataDir(dataDir, quiet);
      try {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (server.requests().stream().noneMatch(r -> r.idempotencyKey().startsWith(deliveryId)) && System.nanoTime() < deadline) {
          Thread.sleep(200);
        }
        var sent = server.requests().stream().filter(r -> r.idempotencyKey().startsWith(deliveryId)).toList();
        assertThat(sent).as("the post scheduled from the command line went out once").hasSize(1);
        assertThat(sent.get(0).receivedAt()).isAfterOrEqualTo(soon.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
      } finally {
        again.close();
      }
    }
  }
}
