package org.socius.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.socius.platform.DataDirectory;
import org.socius.platform.Database;
import org.socius.platform.NetworkGuard;
import org.socius.platform.OutboundHttp;
import org.socius.platform.SecretBox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfig {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  DataDirectory dataDirectory(@Value("${socius.data-dir}") String dir) {
    return new DataDirectory(Path.of(dir));
  }

  @Bean
  Database database(@Value("${socius.db.vendor}") String vendor, @Value("${spring.datasource.url}") String url) {
    return new Database(vendor.equals("sqlite") ? Database.Vendor.SQLITE : Database.Vendor.POSTGRESQL, url);
  }

  @Bean
  SecretBox secretBox(DataDirectory dataDirectory, @Value("${socius.secret-key:}") String configured) {
    return new SecretBox(loadKey(dataDirectory, configured));
  }

  @Bean
  NetworkGuard networkGuard(@Value("${socius.allow-private-networks:}") String allowList) {
    return new NetworkGuard(allowList);
  }

  @Bean
  OutboundHttp outboundHttp(NetworkGuard guard) {
    return new OutboundHttp(guard, OutboundHttp.Policy.defaults(), "Socius/" + Versions.current() + " (+self-hosted)");
  }

  /**
   * The key comes from {@code SOCIUS_SECRET_KEY} (base64 of 32 bytes) or the key file in the data
   * directory, created on first start with owner-only permissions.
   */
  static SecretKey loadKey(DataDirectory dataDirectory, String configured) {
    boolean fromSetting = configured != null && !configured.isBlank();
    // the message names where the key came from; the decoder's own words go into it rather than into a cause,
    // so that a report of the innermost cause (as the command line gives) still says what is wrong
    String source = fromSetting ? "SOCIUS_SECRET_KEY" : "The secret key file " + dataDirectory.secretKeyFile();
    String base64 = fromSetting ? configured : readOrCreateKeyFile(dataDirectory.secretKeyFile());
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(source + " is not valid base64 (" + e.getMessage()
          + "); it must be base64 of 32 random bytes, e.g. from 'openssl rand -base64 32'");
    }
    if (bytes.length != 32) {
      throw new IllegalStateException(source + " must be 32 bytes (base64 of 32 random bytes), got " + bytes.length);
    }
    return new SecretKeySpec(bytes, "AES");
  }

  private static String readOrCreateKeyFile(Path file) {
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.US_ASCII);
      }
      Files.createDirectories(file.getParent());
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      String text = Base64.getEncoder().encodeToString(key);
      Path temp = Files.createTempFile(file.getParent(), "secret", ".tmp");
      try {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system; the directory's permissions apply
      }
      Files.writeString(temp, text, StandardCharsets.US_ASCII);
      try {
        // a hard link appears whole and fails if the file exists: when two processes start on a
        // fresh directory at once, one key wins and both use it
        Files.createLink(file, temp);
        return text;
      } catch (java.nio.file.FileAlreadyExistsException lost) {
        return Files.readString(file, StandardCharsets.US_ASCII);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the secret key file " + file, e);
    }
  }
}
