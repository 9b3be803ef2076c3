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
  /** Key and row side by side ({@code [2 * slot]}, {@code [2 * slot + 1]}): one cache line per probe. */
  private final int[] slots;
  private final int mask;

  PrunedBucketIndex(int[] buckets, int[] keptRows) {
    int capacity = Integer.highestOneBit(Math.max(4, buckets.length * 2 - 1)) << 1;
    slots = new int[2 * capacity];
    mask = capacity - 1;
    Arrays.fill(slots, EMPTY);
    for (int i = 0; i < buckets.length; i++) {
      int slot = slot(buckets[i]);
      slots[2 * slot] = buckets[i];
      slots[2 * slot + 1] = keptRows[i];
    }
  }

  /** The kept row of {@code bucket}, or -1 when the bucket was pruned away. */
  int rowOf(int bucket) {
    int slot = slot(bucket);
    return slots[2 * slot] == EMPTY ? -1 : slots[2 * slot + 1];
  }

  private int slot(int key) {
    int s = (key * 0x9E3779B9) >>> 7 & mask;
    while (slots[2 * s] != EMPTY && slots[2 * s] != key) {
      s = (s + 1) & mask;
    }
    return s;
  }
}
