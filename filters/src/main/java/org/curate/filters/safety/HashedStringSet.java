package org.curate.filters.safety;

import java.util.Arrays;

/**
 * A set of strings stored only as 64-bit hashes in a sorted {@code long[]}: 8 bytes per entry
 * instead of roughly 60-100 for a {@code HashSet<String>}, which is what makes a 4.6-million-domain
 * blocklist fit in about 37 MB of heap. Lookups hash a slice of a char sequence (no substring
 * allocation) and binary-search the array.
 *
 * <p>Membership is probabilistic only in the sense of hash collisions: with n entries the chance
 * that a string not in the set collides with one that is, is about n / 2^64 (2.5e-13 for 4.6M).
 */
final class HashedStringSet {
  private final long[] sortedHashes;

  private HashedStringSet(long[] sortedHashes) {
    this.sortedHashes = sortedHashes;
  }

  int size() {
    return sortedHashes.length;
  }

  boolean contains(CharSequence s) {
    return contains(s, 0, s.length());
  }

  boolean contains(CharSequence s, int from, int to) {
    return Arrays.binarySearch(sortedHashes, hash(s, from, to)) >= 0;
  }

  /**
   * FNV-1a over the UTF-16 chars followed by the MurmurHash3 64-bit finaliser: FNV alone mixes
   * the last chars poorly, the finaliser spreads them over all 64 bits.
   */
  static long hash(CharSequence s, int from, int to) {
    long h = 0xcbf29ce484222325L;
    for (int i = from; i < to; i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= (long) (to - from) * 0x9E3779B97F4A7C15L;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  /** Collects hashes in a growable array; {@link #build()} sorts and removes duplicates once. */
  static final class Builder {
    private long[] hashes = new long[1024];
    private int size;

    Builder add(CharSequence s) {
      if (size == hashes.length) {
        hashes = Arrays.copyOf(hashes, hashes.length + (hashes.length >> 1));
      }
      hashes[size++] = hash(s, 0, s.length());
      return this;
    }

    HashedStringSet build() {
      long[] sorted = Arrays.copyOf(hashes, size);
      hashes = null; // let the oversized growth buffer go before the sort
      Arrays.sort(sorted);
      int unique = 0;
      for (int i = 0; i < sorted.length; i++) {
        if (i == 0 || sorted[i] != sorted[i - 1]) {
          sorted[unique++] = sorted[i];
        }
      }
      return new HashedStringSet(unique == sorted.length ? sorted : Arrays.copyOf(sorted, unique));
    }
  }
}
