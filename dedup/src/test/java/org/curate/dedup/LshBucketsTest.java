package org.curate.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LshBucketsTest {

  @Test
  void smallBucketsGiveAllPairsBigOnesAStarAroundTheirMinimumAndSingletonsNothing() {
    LshBuckets buckets = new LshBuckets();
    // Band 0, key 7: {5, 3, 9} in scrambled order; band 1, key 7: a singleton (same key, other band).
    buckets.add(0, 7L, 9);
    buckets.add(1, 7L, 4);
    buckets.add(0, 7L, 3);
    buckets.add(0, 7L, 5);
    buckets.add(2, -1L, 100); // singleton
    // Band 3, key 42: 20 members (more than ALL_PAIRS_UP_TO), minimum 10.
    for (long v = 29; v >= 10; v--) {
      buckets.add(3, 42L, v);
    }
    List<String> edges = new ArrayList<>();
    buckets.edges((hi, lo) -> edges.add(hi + "-" + lo));
    List<String> expected = new ArrayList<>(List.of("5-3", "9-3", "9-5"));
    for (long v = 11; v <= 29; v++) {
      expected.add(v + "-10");
    }
    assertThat(edges).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aBucketOfExactlyAllPairsUpToMembersGivesAllItsPairs() {
    LshBuckets buckets = new LshBuckets();
    for (long v = 0; v < LshBuckets.ALL_PAIRS_UP_TO; v++) {
      buckets.add(0, 1L, v);
    }
    List<long[]> edges = new ArrayList<>();
    buckets.edges((hi, lo) -> edges.add(new long[] {hi, lo}));
    int k = LshBuckets.ALL_PAIRS_UP_TO;
    assertThat(edges).hasSize(k * (k - 1) / 2).allSatisfy(e -> assertThat(e[0]).isGreaterThan(e[1]));
  }
}
