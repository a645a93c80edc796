package org.socius.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socius.platform.DataDirectory;
import org.socius.platform.SecretBox;

/** Where the secret key comes from: SOCIUS_SECRET_KEY, or a key file made on first start. */
class PlatformConfigTest {

  @TempDir
  Path tmp;

  @Test
  void theFirstStartCreatesAnOwnerOnlyKeyFileAndLaterStartsReuseIt() throws Exception {
    DataDirectory dir = new DataDirectory(tmp.resolve("not-yet-there"));

    SecretKey first = PlatformConfig.loadKey(dir, "");
    Path file = dir.secretKeyFile();
    assertThat(file).isRegularFile();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32).isEqualTo(first.getEncoded());
    try (var files = Files.list(dir.path())) {
      assertThat(files).as("no temporary file is left behind").containsExactly(file);
    }

    SecretKey second = PlatformConfig.loadKey(dir, null);
    assertThat(second.getEncoded()).isEqualTo(first.getEncoded());
    String sealed = new SecretBox(first).encrypt("token", "c");
    assertThat(new SecretBox(second).decrypt(sealed, "c")).as("secrets sealed before a restart open after it").isEqualTo("token");
  }

  @Test
  void aConfiguredKeyIsUsedAndNoKeyFileIsMade() {
    byte[] bytes = new byte[32];
    bytes[0] = 7;
    String configured = Base64.getEncoder().encodeToString(bytes);
    DataDirectory dir = new DataDirectory(tmp);

    SecretKey key = PlatformConfig.loadKey(dir, " " + configured + "\n");

    assertThat(key.getEncoded()).isEqualTo(bytes);
    assertThat(key.getAlgorithm()).isEqualTo("AES");
    assertThat(dir.secretKeyFile()).doesNotExist();
  }

  @Test
  void aConfiguredKeyThatIsNotBase64FailsClearly() {
    assertThatThrownBy(() -> PlatformConfig.loadKey(new DataDirectory(tmp), "not base64 at all!"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("SOCIUS_SECRET_KEY is not valid base64 (")
        .hasMessageEndingWith("it must be base64 of 32 random bytes, e.g. from 'openssl rand -base64 32'")
        .hasNoCause();
  }

  @Test
  void aConfiguredKeyOfTheWrongLengthFailsClearly() {
    String sixteen = Base64.getEncoder().encodeToString(new byte[16]);
    assertThatThrownBy(() -> PlatformConfig.loadKey(new DataDirectory(tmp), sixteen))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("SOCIUS_SECRET_KEY must be 32 bytes (base64 of 32 random bytes), got 16");
  }

  @Test
  void aDamagedKeyFileFailsClearlyAndIsNotReplaced() throws Exception {
    DataDirectory dir = new DataDirectory(tmp);
    Files.writeString(dir.secretKeyFile(), "this is not a key");
    assertThatThrownBy(() -> PlatformConfig.loadKey(dir, ""))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("The secret key file " + dir.secretKeyFile() + " is not valid base64");
    assertThat(Files.readString(dir.secretKeyFile())).as("a key must never be silently replaced").isEqualTo("this is not a key");
  }
}
