package org.curate.decontam;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Every window fingerprint of a document at the lengths some protected n-gram has, distinct and
 * sorted: the candidates that the Spark stage's join mode joins against the protected
 * fingerprints when the index is too large to broadcast. Their intersection with the index is
 * exactly what {@link Decontaminator#scan} finds with the index in memory.
 */
public final class WindowFingerprints implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final long[] NONE = new long[0];
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private final int[] lengths;

  public WindowFingerprints(int[] lengths) {
    this.lengths = lengths.clone();
  }

  private static final class Scratch {
    final NormalizedTokens tokens = new NormalizedTokens();
    final NgramHash hash = new NgramHash();
    long[] out = new long[256];
  }

  public long[] of(CharSequence text) {
    Scratch s = SCRATCH.get();
    NormalizedTokens t = s.tokens.of(text);
    int size = t.size();
    s.hash.over(t);
    int found = 0;
    for (int k : lengths) {
      for (int i = 0; i + k <= size; i++) {
        if (found == s.out.length) {
          s.out = Arrays.copyOf(s.out, found * 2);
        }
        s.out[found++] = s.hash.window(i, k);
      }
    }
    if (found == 0) {
      return NONE;
    }
    return Decontaminator.sortedDistinct(s.out, found);
  }
}
