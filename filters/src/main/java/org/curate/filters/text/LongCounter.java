package org.curate.filters.text;

import java.util.Arrays;

/**
 * Counts occurrences of 64-bit keys (hashes of n-grams or lines) in an open-addressing table of
 * primitives, so counting allocates nothing per key. Reusable: {@link #clear()} keeps the arrays.
 * Key 0 marks an empty slot, so it is stored as {@link #ZERO_STANDIN}; the two keys share a count
 * (keys are 64-bit hashes, so that costs nothing in practice).
 */
public final class LongCounter {
  private static final long ZERO_STANDIN = 0x9E3779B97F4A7C15L;
  private long[] keys;
  private int[] counts;
  private int size;
  private int mask;

  public LongCounter() {
    this(1024);
  }

  public LongCounter(int initialCapacity) {
    int cap = Integer.highestOneBit(Math.max(16, initialCapacity) * 2 - 1);
    keys = new long[cap];
    counts = new int[cap];
    mask = cap - 1;
  }

  /** Adds one occurrence of {@code key} and returns its count so far (1 on first sight). */
  public int increment(long key) {
    if (key == 0) {
      key = ZERO_STANDIN;
    }
    int slot = slot(key);
    if (keys[slot] == key) {
      return ++counts[slot];
    }
    keys[slot] = key;
    counts[slot] = 1;
    if (++size * 2 > keys.length) {
      grow();
    }
    return 1;
  }

  /** Current count of {@code key}. */
  public int count(long key) {
    if (key == 0) {
      key = ZERO_STANDIN;
    }
    int slot = slot(key);
    return keys[slot] == key ? counts[slot] : 0;
  }

  public int size() {
    return size;
  }

  /** Forgets all keys; shrinks a table that a huge document blew up, so memory stays bounded. */
  public void clear() {
    if (keys.length > 1 << 16) {
      keys = new long[1024];
      counts = new int[1024];
      mask = 1023;
    } else {
      Arrays.fill(keys, 0L);
    }
    size = 0;
  }

  private int slot(long key) {
    int i = (int) (key ^ (key >>> 32)) & mask;
    while (keys[i] != 0 && keys[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldCounts = counts;
    keys = new long[oldKeys.length * 2];
    counts = new int[oldKeys.length * 2];
    mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        int slot = slot(oldKeys[i]);
        keys[slot] = oldKeys[i];
        counts[slot] = oldCounts[i];
      }
    }
  }
}
