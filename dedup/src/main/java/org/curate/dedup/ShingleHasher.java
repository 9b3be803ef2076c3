package org.curate.dedup;

import java.util.Arrays;

/**
 * The set of word n-gram shingles of a normalised text, as sorted distinct 64-bit hashes. Each
 * word is hashed once; a shingle's hash is an order-sensitive mix of its n word hashes kept in a
 * ring, so no string is built per word or per shingle. A text with fewer than n words (but at
 * least one) has a single shingle made of all its words, so short texts still compare.
 *
 * <p>Not thread-safe: it reuses its buffers; make one per task.
 */
public final class ShingleHasher implements WordSplitter.Sink {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private static final long WORD_SEED = 0x5DEECE66DL;

  private final int n;
  private final WordSplitter splitter;
  private final long[] ring;
  private long words;
  private long[] buffer = new long[512];
  private int count;

  public ShingleHasher(int n, WordSplitter splitter) {
    if (n < 1) {
      throw new IllegalArgumentException("shingle size must be at least 1, got " + n);
    }
    this.n = n;
    this.splitter = splitter;
    this.ring = new long[n];
  }

  public ShingleHasher(int n) {
    this(n, new UnicodeWordSplitter());
  }

  /** Sorted, distinct shingle hashes of {@code normalized} (empty when it has no word). */
  public long[] shingles(CharSequence normalized) {
    hashAll(normalized);
    if (count == 0) {
      return new long[0];
    }
    Arrays.sort(buffer, 0, count);
    int distinct = 1;
    for (int i = 1; i < count; i++) {
      if (buffer[i] != buffer[distinct - 1]) {
        buffer[distinct++] = buffer[i];
      }
    }
    return Arrays.copyOf(buffer, distinct);
  }

  /**
   * The shingle hashes of {@code normalized} in text order, repeats included: the same set as
   * {@link #shingles}, for consumers that do not need it sorted (a MinHash signature, which a
   * repeat cannot change), without the sort.
   */
  public long[] shingleHashes(CharSequence normalized) {
    hashAll(normalized);
    return Arrays.copyOf(buffer, count);
  }

  private void hashAll(CharSequence normalized) {
    words = 0;
    count = 0;
    splitter.split(normalized, this);
    if (words > 0 && words < n) {
      add(shingleHash((int) words));
    }
  }

  @Override
  public void word(CharSequence text, int start, int end) {
    ring[(int) (words % n)] = Hash64.chars(text, start, end, WORD_SEED);
    words++;
    if (words >= n) {
      add(shingleHash(n));
    }
  }

  /** Mixes the last {@code size} word hashes, oldest first, so that word order matters. */
  private long shingleHash(int size) {
    long h = size;
    for (long w = words - size; w < words; w++) {
      h = Hash64.fmix64(h * GOLDEN + ring[(int) (w % n)]);
    }
    return h;
  }

  private void add(long shingle) {
    if (count == buffer.length) {
      buffer = Arrays.copyOf(buffer, count * 2);
    }
    buffer[count++] = shingle;
  }
}
