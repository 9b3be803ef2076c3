package org.curate.decontam;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The read-only shared benchmark files, loaded once per test JVM through {@code curate.shared.data}. */
final class SharedBenchmarks {
  private static List<Benchmark> loaded;
  private static ProtectedIndex index;

  private SharedBenchmarks() {}

  static Path sharedData() {
    String configured = System.getProperty("curate.shared.data");
    Path dir = configured != null ? Path.of(configured) : Path.of("../../shared/data");
    return Files.isDirectory(dir) ? dir.toAbsolutePath().normalize() : null;
  }

  static Path dir() {
    Path shared = sharedData();
    assumeTrue(shared != null && Files.isDirectory(shared.resolve("benchmarks")), "shared benchmarks not present");
    return shared.resolve("benchmarks");
  }

  static synchronized List<Benchmark> benchmarks() {
    if (loaded == null) {
      loaded = new BenchmarkLoader().load(dir(), List.of());
    }
    return loaded;
  }

  static synchronized ProtectedIndex index() {
    if (index == null) {
      index = ProtectedIndex.build(benchmarks(), DecontamOptions.afm());
    }
    return index;
  }
}
