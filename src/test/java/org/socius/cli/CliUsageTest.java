package org.socius.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/** What the command line says about itself, and how it answers bad usage: no data is touched. */
@Isolated
class CliUsageTest {

  @TempDir
  Path dataDir;

  @Test
  void versionPrintsSociusAndExitsZero() {
    var run = Cli.on(dataDir, "--version");
    assertThat(run.code()).isZero();
    assertThat(run.out()).startsWith("Socius ").contains("Java");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void helpListsTheCommandsAndExitsZero() {
    var run = Cli.on(dataDir, "--help");
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("Usage: socius").contains("serve", "user", "workspace", "token", "backup", "restore");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void anUnknownCommandPrintsTheUsageToErrAndExitsTwo() {
    var run = Cli.on(dataDir, "frobnicate");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("Unmatched argument").contains("frobnicate").contains("Usage: socius");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void anUnknownOptionPrintsTheUsageToErrAndExitsTwo() {
    var run = Cli.on(dataDir, "--frobnicate");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("Unknown option").contains("--frobnicate").contains("Usage: socius");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aMissingRequiredOptionOfASubcommandExitsTwoWithItsUsage() {
    var run = Cli.on(dataDir, "user", "create", "--email", "ann@socius.test");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required option").contains("--name").contains("Usage: socius user create");
  }

  @Test
  void backupWithoutAFileExitsTwo() {
    var run = Cli.on(dataDir, "backup");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required parameter").contains("FILE");
  }

  @Test
  void helpAndBadUsageLeaveTheDataDirectoryAlone() {
    Cli.on(dataDir, "--help");
    Cli.on(dataDir, "frobnicate");
    assertThat(dataDir.toFile().list()).as("files in the data directory").isEmpty();
  }
}
