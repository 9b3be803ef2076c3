package org.curate.dedup;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Groups (band, band key, vertex) entries into LSH buckets, in memory, and turns each bucket of
 * two or more vertices into candidate edges linear in its size: a bucket of more than
 * {@link #ALL_PAIRS_UP_TO} members links each member to its smallest one (k − 1 edges instead of
 * k(k−1)/2, so a boilerplate bucket of 10^5 documents costs 10^5 edges, not 5·10^9), which keeps
 * the bucket connected for connected components.
 *
 * <p>Small buckets (almost all of them: a family of near-duplicates) give all their pairs, at
 * most 120 per bucket. The reason is verification: with star edges only, a similar pair whose
 * members are both dissimilar to the bucket's minimum (a chain A~B~C with A the minimum) would be
 * rejected on both edges and lost unless another band links them.
 *
 * <p>Used on one partition of entries hashed by (band, key), so each bucket is whole in it. A
 * sort instead of a hash map: almost every bucket has one member, and sorting them costs no
 * per-bucket allocation.
 */
public final class LshBuckets {
  public static final int ALL_PAIRS_UP_TO = 16;
  private static final Comparator<Entry> ORDER =
      Comparator.comparingInt(Entry::band).thenComparingLong(Entry::key).thenComparingLong(Entry::vertex);

  private Entry[] entries = new Entry[1024];
  private int size;

  /** Receives one candidate edge, {@code hi > lo}; the same edge may come from several buckets. */
  @FunctionalInterface
  public interface EdgeSink {
    void edge(long hi, long lo);
  }

  public void add(int band, long key, long vertex) {
    if (size == entries.length) {
      entries = Arrays.copyOf(entries, size * 2);
    }
    entries[size++] = new Entry(band, key, vertex);
  }

  /** Emits the edges of every bucket with two or more distinct vertices. */
  public void edges(EdgeSink sink) {
    Arrays.sort(entries, 0, size, ORDER);
    long[] members = new long[16];
    for (int start = 0; start < size; ) {
      int end = start + 1;
      while (end < size && entries[end].band() == entries[start].band() && entries[end].key() == entries[start].key()) {
        end++;
      }
      int k = 0;
      for (int i = start; i < end; i++) {
        long v = entries[i].vertex();
        if (k == 0 || members[k - 1] != v) { // sorted: repeats are adjacent
          if (k == members.length) {
            members = Arrays.copyOf(members, k * 2);
          }
          members[k++] = v;
        }
      }
      if (k > 1) {
        bucketEdges(members, k, sink);
      }
      start = end;
    }
  }

  /** {@code members[0..k)} sorted ascending and distinct. */
  private static void bucketEdges(long[] members, int k, EdgeSink sink) {
    if (k <= ALL_PAIRS_UP_TO) {
      for (int i = 0; i < k; i++) {
        for (int j = i + 1; j < k; j++) {
          sink.edge(members[j], members[i]);
        }
      }
    } else {
      for (int j = 1; j < k; j++) {
        sink.edge(members[j], members[0]);
      }
    }
  }

  private record Entry(int band, long key, long vertex) {}
}
