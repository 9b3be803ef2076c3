package org.curate.dedup;

/**
 * Banded LSH over a MinHash signature: {@code bands} groups of {@code rows} consecutive values,
 * each group hashed to one 64-bit key. Two documents share a band key when all {@code rows}
 * values of that band agree (AND), and become candidates when any band agrees (OR): for Jaccard
 * s the candidate probability is {@code 1 − (1 − s^rows)^bands}, see
 * {@link MinHashParams#candidateProbability(double)}. Thread-safe (immutable).
 */
public final class LshBands {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private final int bands;
  private final int rows;

  public LshBands(int bands, int rows) {
    this.bands = bands;
    this.rows = rows;
  }

  /** One key per band; bands are compared only with the same band index, which callers keep. */
  public long[] keys(long[] signature) {
    if (signature.length != bands * rows) {
      throw new IllegalArgumentException("signature has " + signature.length + " values, expected "
          + bands + " x " + rows);
    }
    long[] keys = new long[bands];
    for (int band = 0; band < bands; band++) {
      long h = band;
      for (int r = band * rows, end = r + rows; r < end; r++) {
        h = Hash64.fmix64(h * GOLDEN + signature[r]);
      }
      keys[band] = h;
    }
    return keys;
  }
}
