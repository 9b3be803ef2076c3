package org.curate.dedup;

/**
 * MinHash signatures of {@code k} values by one-permutation hashing with optimal densification
 * (Li, Owen and Zhang, "One Permutation Hashing", NIPS 2012; Shrivastava, "Optimal Densification
 * for Fast and Accurate Minwise Hashing", ICML 2017), in O(d + k) per document of d shingles
 * instead of the O(d·k) of k separate permutations.
 *
 * <p>Each shingle hash is first put through a seeded bijection (xor with a seeded key, then
 * MurmurHash3's {@code fmix64}), which plays the role of the random permutation. The top bits of
 * the permuted value choose one of {@code k} bins; each bin keeps its minimum. A bin left empty
 * (expected k·(1 − 1/k)^d of them, about 5 of 100 for a 2 KB document) copies the value of the
 * first non-empty bin on its own seeded probe sequence, the same sequence for every document.
 *
 * <p>Why coordinate agreement still has probability J = |A ∩ B| / |A ∪ B|: if bin i of the
 * union A ∪ B is non-empty, both documents agree there exactly when the union's minimum in that
 * bin lies in A ∩ B, which for a random permutation happens with probability J. If it is empty
 * for both, both walk the same probe sequence and are empty at the same bins until the first
 * bin where the union is non-empty; they agree exactly when that bin's union minimum is shared
 * (if only one of them has it, the other walks on and ends elsewhere): again J. Banded LSH then
 * uses the signature as usual. Values are 64-bit; equal values from different shingles
 * (probability about 2^-64 per comparison) are ignored.
 *
 * <p>Allocation: one {@code long[k]} result per call, nothing per shingle. Thread-safe (immutable).
 */
public final class MinHasher {
  private static final long EMPTY = Long.MAX_VALUE;

  private final int k;
  private final long permutationKey;
  private final long probeKey;

  public MinHasher(int numPerm, long seed) {
    if (numPerm < 1) {
      throw new IllegalArgumentException("numPerm must be at least 1, got " + numPerm);
    }
    this.k = numPerm;
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    this.permutationKey = random.nextLong();
    this.probeKey = random.nextLong();
  }

  public int numPerm() {
    return k;
  }

  /** The signature of a shingle set (hashes as {@link ShingleHasher} gives them); empty set: all {@code Long.MAX_VALUE}. */
  public long[] signature(long[] shingles) {
    long[] signature = new long[k];
    java.util.Arrays.fill(signature, EMPTY);
    for (long shingle : shingles) {
      long h = Hash64.fmix64(shingle ^ permutationKey);
      int bin = bin(h);
      long value = h >>> 1; // values below EMPTY; the top bits mostly repeat the bin, the low ones order it
      if (value < signature[bin]) {
        signature[bin] = value;
      }
    }
    if (shingles.length == 0) {
      return signature;
    }
    boolean[] filled = new boolean[k];
    for (int i = 0; i < k; i++) {
      filled[i] = signature[i] != EMPTY;
    }
    for (int i = 0; i < k; i++) {
      if (!filled[i]) {
        long probe = probeKey ^ ((long) i << 32);
        int source;
        do {
          probe = Hash64.fmix64(probe + 0x9E3779B97F4A7C15L);
          source = bin(probe);
        } while (!filled[source]);
        signature[i] = signature[source];
      }
    }
    return signature;
  }

  /** {@code floor(h / 2^64 · k)}, the unsigned high word of h·k. */
  private int bin(long h) {
    return (int) (((h >>> 32) * k) >>> 32);
  }
}
