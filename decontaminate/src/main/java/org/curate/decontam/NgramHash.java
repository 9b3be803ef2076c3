package org.curate.decontam;

/**
 * 64-bit fingerprints of token n-grams, computable in O(1) per window for any n from prefix
 * sums: a polynomial hash modulo 2^64 over the token hashes, plus a salt times n. The token
 * hashes are already uniformly mixed 64-bit values (FNV-1a then the SplitMix64 finaliser), so a
 * linear combination of them with odd powers is uniform too and needs no second finaliser, which
 * would cost more than the rest of the scan. The same words give the same fingerprint whether
 * they come from a benchmark item or a document; different n-grams share one only by chance.
 */
public final class NgramHash {
  /** Longest n-gram supported (the option {@code n} is capped at this). */
  public static final int MAX_N = 64;
  private static final long BASE = 0x9E3779B97F4A7C15L | 1L;
  private static final long LENGTH_SALT = 0xD6E8FEB86659FD93L;
  private static final long[] POW = new long[MAX_N + 1];

  static {
    POW[0] = 1;
    for (int i = 1; i <= MAX_N; i++) {
      POW[i] = POW[i - 1] * BASE;
    }
  }

  private long[] prefix = new long[257];

  /** Prepares prefix sums over the first {@code size} hashes of {@code tokens}; returns this. */
  public NgramHash over(NormalizedTokens tokens) {
    int size = tokens.size();
    if (prefix.length < size + 1) {
      prefix = new long[Math.max(size + 1, prefix.length * 2)];
    }
    long[] h = tokens.hashArray();
    long p = 0;
    prefix[0] = 0;
    for (int i = 0; i < size; i++) {
      p = p * BASE + h[i];
      prefix[i + 1] = p;
    }
    return this;
  }

  /** Fingerprint of the {@code n} tokens starting at {@code from} (after {@link #over}). */
  public long window(int from, int n) {
    return prefix[from + n] - prefix[from] * POW[n] + LENGTH_SALT * n;
  }
}
