package org.curate.dedup;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * MinHash signatures: for each of {@code numPerm} hash functions {@code π(x) = (a·x + b) mod p},
 * p = 2^61 − 1, the minimum of π over a document's shingle hashes. For two shingle sets the
 * chance that one coordinate agrees is their Jaccard similarity. {@code a} and {@code b} are
 * drawn from a seeded generator, so the same seed gives the same signatures on every machine.
 *
 * <p>The Mersenne prime lets the 122-bit product be reduced with shifts and adds instead of a
 * division; the loop over shingles allocates nothing. Thread-safe (immutable).
 */
public final class MinHasher {
  public static final long PRIME = (1L << 61) - 1;

  private final long[] a;
  private final long[] b;

  public MinHasher(int numPerm, long seed) {
    if (numPerm < 1) {
      throw new IllegalArgumentException("numPerm must be at least 1, got " + numPerm);
    }
    SplittableRandom random = new SplittableRandom(seed);
    a = new long[numPerm];
    b = new long[numPerm];
    for (int i = 0; i < numPerm; i++) {
      a[i] = 1 + random.nextLong(PRIME - 1);
      b[i] = random.nextLong(PRIME);
    }
  }

  public int numPerm() {
    return a.length;
  }

  /** The signature of a shingle set (hashes as {@link ShingleHasher} gives them). */
  public long[] signature(long[] shingles) {
    long[] signature = new long[a.length];
    Arrays.fill(signature, PRIME);
    for (long shingle : shingles) {
      long x = reduce(shingle);
      for (int i = 0; i < a.length; i++) {
        long v = mulMod(a[i], x) + b[i];
        if (v >= PRIME) {
          v -= PRIME;
        }
        if (v < signature[i]) {
          signature[i] = v;
        }
      }
    }
    return signature;
  }

  /** Any 64-bit value into [0, p). */
  static long reduce(long x) {
    long r = (x & PRIME) + (x >>> 61);
    return r >= PRIME ? r - PRIME : r;
  }

  /** {@code a·x mod p} for a, x in [0, p): the product is q·2^61 + r, and 2^61 ≡ 1 (mod p). */
  static long mulMod(long a, long x) {
    long lo = a * x;
    long hi = Math.multiplyHigh(a, x);
    long sum = (lo & PRIME) + ((lo >>> 61) | (hi << 3));
    return reduce(sum);
  }
}
