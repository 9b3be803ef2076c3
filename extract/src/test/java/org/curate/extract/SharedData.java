package org.curate.extract;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates the read-only shared data (never copied into the repository); tests skip without it. */
public final class SharedData {
  private SharedData() {}

  public static Path root() {
    Path root = located();
    assumeTrue(Files.isDirectory(root.resolve("warc")), "shared data not available at " + root);
    return root;
  }

  /** The shared data folder, or empty on a machine without it (for callers that go on without). */
  public static java.util.Optional<Path> rootIfPresent() {
    Path root = located();
    return Files.isDirectory(root.resolve("warc")) ? java.util.Optional.of(root) : java.util.Optional.empty();
  }

  private static Path located() {
    String property = System.getProperty("curate.shared.data");
    Path root = property != null ? Path.of(property) : Path.of("../shared/data");
    if (!Files.isDirectory(root)) {
      root = Path.of("../../shared/data");
    }
    return root;
  }

  public static Path warc(String relative) {
    return root().resolve("warc").resolve(relative);
  }

  public static List<Path> allWarcFiles() throws IOException {
    return warcFilesUnder(root());
  }

  /** The crawl files of {@code root}/warc and its subfolders, by path. */
  public static List<Path> warcFilesUnder(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root.resolve("warc"), 2)) {
      return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".md")).sorted().toList();
    }
  }
}
