package org.curate.jobs.dedup;

import java.io.Serializable;
import org.curate.dedup.MinHashParams;

/**
 * Settings of the dedup stage. {@code threshold} is the exact Jaccard a MinHash candidate pair
 * must reach when {@code verify} is on; without verification every LSH candidate is a duplicate
 * (datatrove's behaviour: about 0.72 with 14 × 8, and chains of false positives merge).
 * {@code maxIterations} bounds the connected-component rounds (a guard against bugs).
 * {@code broadcastDropsUpTo}: when at most this many documents are dropped, the drop decisions
 * (about 100 bytes each) are broadcast to the tasks that write the output, so the texts are not
 * shuffled; above it, a shuffle join is used, which keeps driver memory bounded by this limit.
 */
public record DedupOptions(MinHashParams minHash, double threshold, boolean verify, SurvivorChoice survivor,
    boolean url, boolean exact, boolean nearDuplicates, int maxIterations, boolean writeEdges, long broadcastDropsUpTo)
    implements Serializable {

  public static final DedupOptions DEFAULTS =
      new DedupOptions(MinHashParams.DEFAULTS, 0.8, true, SurvivorChoice.LOWEST_ID, true, true, true, 40, false, 1_000_000);

  public DedupOptions {
    if (threshold < 0 || threshold > 1) {
      throw new IllegalArgumentException("threshold must be in [0, 1], got " + threshold);
    }
  }

  public DedupOptions withMinHash(MinHashParams params) {
    return new DedupOptions(params, threshold, verify, survivor, url, exact, nearDuplicates, maxIterations, writeEdges, broadcastDropsUpTo);
  }

  public DedupOptions withWriteEdges(boolean write) {
    return new DedupOptions(minHash, threshold, verify, survivor, url, exact, nearDuplicates, maxIterations, write, broadcastDropsUpTo);
  }
}
