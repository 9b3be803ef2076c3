package org.curate.filters.safety;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Paths of the hand-written test lists and of the shared real lists (skipped when absent). */
final class TestLists {
  private TestLists() {}

  static Path resource(String name) {
    try {
      return Path.of(TestLists.class.getResource("/safety/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing test resource safety/" + name, e);
    }
  }

  static String path(String name) {
    return resource(name).toString();
  }

  /** {@code <shared data>/safety}, from -Dcurate.shared.data or ../shared/data beside the repo; assumption-skips when absent. */
  static Path sharedSafety() {
    String prop = System.getProperty("curate.shared.data");
    Path base = prop != null && !prop.isBlank() ? Path.of(prop) : Path.of("..", "..", "shared", "data");
    Path dir = base.resolve("safety");
    Assumptions.assumeTrue(Files.isDirectory(dir), "shared safety lists not present at " + dir.toAbsolutePath());
    return dir;
  }
}
