package org.curate.dedup;

import java.util.Arrays;

/**
 * Turns (band, band key, vertex) entries into candidate edges, one LSH bucket at a time, linear
 * in each bucket's size: a bucket of more than {@link #ALL_PAIRS_UP_TO} members links each
 * member to its smallest one (k − 1 edges instead of k(k−1)/2, so a boilerplate bucket of 10^5
 * documents costs 10^5 edges, not 5·10^9), which keeps the bucket connected for connected
 * components.
 *
 * <p>Small buckets (almost all of them: a family of near-duplicates) give all their pairs, at
 * most 120 per bucket. The reason is verification: with star edges only, a similar pair whose
 * members are both dissimilar to the bucket's minimum (a chain A~B~C with A the minimum) would be
 * rejected on both edges and lost unless another band links them.
 *
 * <p>Entries arrive sorted so that a bucket's entries are adjacent and its vertices ascending
 * (Spark sorts each partition by (key, band, vertex), spilling to disk when it must), so only
 * the current bucket is held in memory: a partition of any size streams through. A vertex below
 * the previous one of its bucket, the sign of unsorted input, is refused rather than split the
 * bucket silently.
 */
public final class LshBuckets {
  public static final int ALL_PAIRS_UP_TO = 16;

  /** Receives one candidate edge, {@code hi > lo}; the same edge may come from several buckets. */
  @FunctionalInterface
  public interface EdgeSink {
    void edge(long hi, long lo);
  }

  private final EdgeSink sink;
  private long[] members = new long[16];
  private int size;
  private int band;
  private long key;

  public LshBuckets(EdgeSink sink) {
    this.sink = sink;
  }

  /**
   * Adds the next entry. Entries of one bucket must be adjacent and their vertices ascending;
   * a repeated vertex is counted once.
   *
   * @throws IllegalArgumentException if the vertex is below the previous one of the same bucket
   */
  public void add(int band, long key, long vertex) {
    if (size > 0 && band == this.band && key == this.key) {
      long last = members[size - 1];
      if (vertex == last) {
        return;
      }
      if (vertex < last) {
        throw new IllegalArgumentException("LSH entries out of order in bucket (band " + band + ", key " + key
            + "): vertex " + vertex + " after " + last + "; a bucket's vertices must come ascending");
      }
      if (size == members.length) {
        members = Arrays.copyOf(members, size * 2);
      }
      members[size++] = vertex;
      return;
    }
    finish();
    this.band = band;
    this.key = key;
    members[0] = vertex;
    size = 1;
  }

  /** Emits the edges of the current bucket; call after the last entry. */
  public void finish() {
    if (size <= ALL_PAIRS_UP_TO) {
      for (int i = 0; i < size; i++) {
        for (int j = i + 1; j < size; j++) {
          sink.edge(members[j], members[i]);
        }
      }
    } else {
      for (int j = 1; j < size; j++) {
        sink.edge(members[j], members[0]);
      }
    }
    size = 0;
  }
}
