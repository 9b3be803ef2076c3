package org.curate.filters.pii;

import java.nio.file.Path;
import java.util.EnumSet;

/**
 * Prints per-type span precision and recall of the {@code pii} detectors on the Presidio
 * labelled sets, every miss and false positive, and the scanning speed. Not a test; run with:
 *
 * <pre>
 * mvn -B -q -o -pl filters -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp filters/target/test-classes:filters/target/classes:core/target/classes:$(cat filters/target/cp.txt) \
 *     org.curate.filters.pii.PiiEval [shared-data-dir]
 * </pre>
 */
public final class PiiEval {
  private PiiEval() {}

  public static void main(String[] args) throws Exception {
    Path shared = args.length > 0 ? Path.of(args[0]) : PresidioSet.sharedData();
    if (shared == null) {
      System.err.println("shared data folder not found; pass it as the first argument");
      System.exit(2);
    }
    PiiScanner scanner = PiiScanner.of(EnumSet.allOf(PiiType.class));
    for (PresidioSet set : PresidioSet.loadAll(shared)) {
      PiiEvaluation.run(scanner, set.samples(), "en"); // warm-up: JIT and libphonenumber metadata
      System.out.println(PiiEvaluation.run(scanner, set.samples(), "en").report(set.name(), true));
    }
  }
}
