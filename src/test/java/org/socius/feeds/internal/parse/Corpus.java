package org.socius.feeds.internal.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.socius.testing.Prerequisites;

/** The feed corpus beside the project: {@code ../shared/feeds/gofeed/testdata} (gofeed's test data, MIT). */
final class Corpus {

  private Corpus() {}

  static Path root() {
    Path project = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath().normalize();
    return project.resolve("../shared/feeds/gofeed/testdata").normalize();
  }

  /** Skips with a message when the corpus is missing (fails under CI=true). */
  static Path require() {
    Prerequisites.require(Files.isDirectory(root()), "the feed corpus ../shared/feeds/gofeed/testdata beside the project");
    return root();
  }

  static List<Path> files(String under) {
    try (Stream<Path> walk = Files.walk(require().resolve(under))) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
