package org.curate.filters.text;

/**
 * 64-bit hashes of character spans and of sequences of such hashes, for counting repeated
 * lines and n-grams without making a String for each. With 64 bits, a collision between two of
 * the few thousand distinct keys of one document has odds of about 1e-12.
 */
public final class SpanHash {
  private static final long SEED = 0x9E3779B97F4A7C15L;

  private SpanHash() {}

  /** Hash of {@code text[start, end)}. */
  public static long of(CharSequence text, int start, int end) {
    long h = SEED ^ (end - start);
    for (int i = start; i < end; i++) {
      h = (h ^ text.charAt(i)) * 0x100000001B3L;
    }
    return mix(h);
  }

  /** Combines an order-sensitive running hash with the next element's hash. */
  public static long combine(long running, long next) {
    return mix(running * 31 + next);
  }

  /** A finalizer (from SplitMix64) so that nearby inputs spread over all bits. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
