package org.curate.dedup;

import java.util.Arrays;

/**
 * Shingle sets cut to 32-bit fingerprints (the high half of each 64-bit hash), sorted and
 * distinct: what verification ships with each candidate edge, half the bytes of the full set.
 * Two different shingles of a pair share a fingerprint with probability about m²/2^33 for m
 * shingles (7·10^-5 for two 2 KB documents), and then move the Jaccard by 1/m, so the verified
 * similarity equals the exact one far beyond the precision any threshold needs.
 */
public final class CompactShingles {
  private CompactShingles() {}

  public static int[] of(long[] shingles) {
    int[] out = new int[shingles.length];
    for (int i = 0; i < shingles.length; i++) {
      out[i] = (int) (shingles[i] >>> 32);
    }
    Arrays.sort(out);
    int distinct = 0;
    for (int i = 0; i < out.length; i++) {
      if (distinct == 0 || out[i] != out[distinct - 1]) {
        out[distinct++] = out[i];
      }
    }
    return distinct == out.length ? out : Arrays.copyOf(out, distinct);
  }

  /** The fingerprints as big-endian bytes: a compact column type (no boxing when read back). */
  public static byte[] pack(int[] fingerprints) {
    java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(fingerprints.length * 4);
    for (int f : fingerprints) {
      out.putInt(f);
    }
    return out.array();
  }

  /** Exact Jaccard of two {@link #pack packed} sets, read in place. */
  public static double jaccardPacked(byte[] a, byte[] b) {
    int na = a.length / 4;
    int nb = b.length / 4;
    if (na == 0 && nb == 0) {
      return 1.0;
    }
    java.nio.ByteBuffer x = java.nio.ByteBuffer.wrap(a);
    java.nio.ByteBuffer y = java.nio.ByteBuffer.wrap(b);
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < na && j < nb) {
      int u = x.getInt(i * 4);
      int v = y.getInt(j * 4);
      if (u == v) {
        common++;
        i++;
        j++;
      } else if (u < v) {
        i++;
      } else {
        j++;
      }
    }
    return (double) common / (na + nb - common);
  }
}
