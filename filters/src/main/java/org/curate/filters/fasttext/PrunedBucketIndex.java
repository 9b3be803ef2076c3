package org.curate.filters.fasttext;

import java.util.Arrays;

/**
 * The {@code pruneidx} of a quantized model whose dictionary was cut ({@code -cutoff}): maps an
 * n-gram bucket (0..bucket-1) to its row among the kept n-gram rows; buckets not kept have no row
 * and contribute nothing. Open addressing over int keys, because it is probed for every n-gram of
 * every out-of-vocabulary word and every word n-gram.
 */
final class PrunedBucketIndex {
  private static final int EMPTY = -1;
  private final int[] keys;
  private final int[] rows;
  private final int mask;

  PrunedBucketIndex(int[] buckets, int[] keptRows) {
    int capacity = Integer.highestOneBit(Math.max(4, buckets.length * 2 - 1)) << 1;
    keys = new int[capacity];
    rows = new int[capacity];
    mask = capacity - 1;
    Arrays.fill(keys, EMPTY);
    for (int i = 0; i < buckets.length; i++) {
      int slot = slot(buckets[i]);
      keys[slot] = buckets[i];
      rows[slot] = keptRows[i];
    }
  }

  /** The kept row of {@code bucket}, or -1 when the bucket was pruned away. */
  int rowOf(int bucket) {
    int slot = slot(bucket);
    return keys[slot] == EMPTY ? -1 : rows[slot];
  }

  private int slot(int key) {
    int s = (key * 0x9E3779B9) >>> 7 & mask;
    while (keys[s] != EMPTY && keys[s] != key) {
      s = (s + 1) & mask;
    }
    return s;
  }
}
