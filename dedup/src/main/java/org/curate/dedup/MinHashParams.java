package org.curate.dedup;

import java.io.Serializable;

/**
 * MinHash LSH settings. The defaults are FineWeb's: word 5-grams, 14 bands × 8 rows = 112
 * permutations, whose S-curve {@code 1 − (1 − s^8)^14} passes 0.5 near s = 0.72 and gives
 * 0.92 at s = 0.8, 0.99 at s = 0.87. Candidates are then confirmed by exact Jaccard.
 */
public record MinHashParams(int ngram, int bands, int rows, long seed) implements Serializable {
  public static final MinHashParams DEFAULTS = new MinHashParams(5, 14, 8, 1L);

  public MinHashParams {
    if (ngram < 1 || bands < 1 || rows < 1) {
      throw new IllegalArgumentException("ngram, bands and rows must be positive: " + ngram + ", " + bands + ", " + rows);
    }
  }

  public int numPerm() {
    return bands * rows;
  }

  /** Probability that two documents with Jaccard {@code s} share at least one band. */
  public double candidateProbability(double s) {
    return 1 - Math.pow(1 - Math.pow(s, rows), bands);
  }

  /** The similarity where the S-curve is steepest, about {@code (1/bands)^(1/rows)}. */
  public double threshold() {
    return Math.pow(1.0 / bands, 1.0 / rows);
  }
}
