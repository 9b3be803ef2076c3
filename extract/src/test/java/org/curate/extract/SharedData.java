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
    String property = System.getProperty("curate.shared.data");
    Path root = property != null ? Path.of(property) : Path.of("../shared/data");
    if (!Files.isDirectory(root)) {
      root = Path.of("../../shared/data");
    }
    assumeTrue(Files.isDirectory(root.resolve("warc")), "shared data not available at " + root);
    return root;
  }

  public static Path warc(String relative) {
    return root().resolve("warc").resolve(relative);
  }

  public static List<Path> allWarcFiles() throws IOException {
    try (Stream<Path> files = Files.walk(root().resolve("warc"), 2)) {
      return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".md")).sorted().toList();
    }
  }
}
