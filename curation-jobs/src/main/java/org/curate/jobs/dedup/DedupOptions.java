package org.curate.jobs.dedup;

import java.io.Serializable;
import org.curate.dedup.MinHashParams;

/**
 * Settings of the dedup stage. {@code threshold} is the exact Jaccard a MinHash candidate pair
 * must reach when {@code verify} is on; without verification every LSH candidate is a duplicate
 * (datatrove's behaviour: about 0.72 with 14 × 8, and chains of false positives merge).
 */
public record DedupOptions(MinHashParams minHash, double threshold, boolean verify, SurvivorChoice survivor,
    boolean url, boolean exact, boolean nearDuplicates, int maxIterations, boolean writeEdges) implements Serializable {

  public static final DedupOptions DEFAULTS =
      new DedupOptions(MinHashParams.DEFAULTS, 0.8, true, SurvivorChoice.LOWEST_ID, true, true, true, 40, false);

  public DedupOptions {
    if (threshold < 0 || threshold > 1) {
      throw new IllegalArgumentException("threshold must be in [0, 1], got " + threshold);
    }
  }

  public DedupOptions withWriteEdges(boolean write) {
    return new DedupOptions(minHash, threshold, verify, survivor, url, exact, nearDuplicates, maxIterations, write);
  }
}
