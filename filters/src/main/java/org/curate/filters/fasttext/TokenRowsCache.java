package org.curate.filters.fasttext;

/**
 * The input rows of recently seen tokens, so that a token met again (web text repeats its words
 * within and across pages) costs one table probe instead of a dictionary lookup, or, for a word
 * out of the vocabulary, hashing all its character n-grams and probing the pruned bucket index
 * for each. Direct-mapped: a token evicts whatever held its slot. Not thread-safe (one per
 * predictor). The cached rows are exactly those the uncached path adds, in the same order, so
 * predictions do not change by a bit.
 */
final class TokenRowsCache {
  /** Longer tokens (URLs, base64) rarely repeat; caching them would only hold memory. */
  static final int MAX_TOKEN_BYTES = 48;
  private static final int SLOTS = 1 << 14;

  private final byte[][] tokens = new byte[SLOTS][];
  private final int[][] rows = new int[SLOTS][];

  /**
   * The cached rows of the token {@code bytes[off, off+len)} whose fastText hash is {@code h},
   * or {@code null} when it is not cached.
   */
  int[] get(byte[] bytes, int off, int len, int h) {
    int slot = slot(h);
    byte[] t = tokens[slot];
    if (t == null || t.length != len) {
      return null;
    }
    for (int i = 0; i < len; i++) {
      if (t[i] != bytes[off + i]) {
        return null;
      }
    }
    return rows[slot];
  }

  void put(byte[] bytes, int off, int len, int h, int[] tokenRows) {
    if (len > MAX_TOKEN_BYTES) {
      return;
    }
    int slot = slot(h);
    tokens[slot] = java.util.Arrays.copyOfRange(bytes, off, off + len);
    rows[slot] = tokenRows;
  }

  private static int slot(int h) {
    return (h ^ (h >>> 13)) & (SLOTS - 1);
  }
}
