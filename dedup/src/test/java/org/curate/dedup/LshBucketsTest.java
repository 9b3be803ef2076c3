package org.curate.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class LshBucketsTest {

  /** (band, key, vertex) entries sorted as Spark hands them over: by key, band, vertex. */
  private static List<String> edgesOf(long[][] entries) {
    long[][] sorted = entries.clone();
    Arrays.sort(sorted, Comparator.<long[]>comparingLong(e -> e[1]).thenComparingLong(e -> e[0]).thenComparingLong(e -> e[2]));
    List<String> edges = new ArrayList<>();
    LshBuckets buckets = new LshBuckets((hi, lo) -> edges.add(hi + "-" + lo));
    for (long[] e : sorted) {
      buckets.add((int) e[0], e[1], e[2]);
    }
    buckets.finish();
    return edges;
  }

  @Test
  void smallBucketsGiveAllPairsBigOnesAStarAroundTheirMinimumAndSingletonsNothing() {
    List<long[]> entries = new ArrayList<>(List.of(
        // Band 0, key 7: {5, 3, 9} and a repeat of 5; band 1, key 7: a singleton (same key, other band).
        new long[] {0, 7, 9}, new long[] {1, 7, 4}, new long[] {0, 7, 3}, new long[] {0, 7, 5}, new long[] {0, 7, 5},
        new long[] {2, -1, 100})); // singleton
    // Band 3, key 42: 20 members (more than ALL_PAIRS_UP_TO), minimum 10.
    for (long v = 29; v >= 10; v--) {
      entries.add(new long[] {3, 42, v});
    }
    List<String> expected = new ArrayList<>(List.of("5-3", "9-3", "9-5"));
    for (long v = 11; v <= 29; v++) {
      expected.add(v + "-10");
    }
    assertThat(edgesOf(entries.toArray(long[][]::new))).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aBucketOfExactlyAllPairsUpToMembersGivesAllItsPairs() {
    int k = LshBuckets.ALL_PAIRS_UP_TO;
    long[][] entries = new long[k][];
    for (int v = 0; v < k; v++) {
      entries[v] = new long[] {0, 1, v};
    }
    List<String> edges = edgesOf(entries);
    assertThat(edges).hasSize(k * (k - 1) / 2).doesNotHaveDuplicates()
        .allSatisfy(e -> assertThat(Long.parseLong(e.split("-")[0])).isGreaterThan(Long.parseLong(e.split("-")[1])));
  }

  @Test
  void aVertexBelowThePreviousOneOfItsBucketIsRefused() {
    LshBuckets buckets = new LshBuckets((hi, lo) -> {});
    buckets.add(0, 7L, 5);
    assertThatThrownBy(() -> buckets.add(0, 7L, 3)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("band 0, key 7").hasMessageContaining("vertex 3 after 5");
  }

  @Test
  void finishingTwiceOrWithoutEntriesEmitsNothingMore() {
    List<String> edges = new ArrayList<>();
    LshBuckets buckets = new LshBuckets((hi, lo) -> edges.add(hi + "-" + lo));
    buckets.finish();
    buckets.add(0, 1L, 1);
    buckets.add(0, 1L, 2);
    buckets.finish();
    buckets.finish();
    assertThat(edges).containsExactly("2-1");
  }
}
