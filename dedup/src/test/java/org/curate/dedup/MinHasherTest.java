package org.curate.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MinHasherTest {

  /** Two random sets of the given sizes sharing {@code common} elements. */
  private static long[][] pair(SplittableRandom random, int onlyA, int onlyB, int common) {
    long[] a = new long[onlyA + common];
    long[] b = new long[onlyB + common];
    for (int i = 0; i < common; i++) {
      a[i] = b[i] = random.nextLong();
    }
    for (int i = common; i < a.length; i++) {
      a[i] = random.nextLong();
    }
    for (int i = common; i < b.length; i++) {
      b[i] = random.nextLong();
    }
    Arrays.sort(a);
    Arrays.sort(b);
    return new long[][] {a, b};
  }

  private static double agreement(long[] x, long[] y) {
    int agree = 0;
    for (int i = 0; i < x.length; i++) {
      agree += x[i] == y[i] ? 1 : 0;
    }
    return (double) agree / x.length;
  }

  @Test
  void sameSeedSameSignatureOtherSeedOther() {
    long[][] p = pair(new SplittableRandom(1), 100, 100, 300);
    long[] s = new MinHasher(100, 1).signature(p[0]);
    assertThat(new MinHasher(100, 1).signature(p[0])).isEqualTo(s);
    assertThat(new MinHasher(100, 2).signature(p[0])).isNotEqualTo(s);
    assertThat(s).doesNotContain(Long.MAX_VALUE); // every bin filled, densified or not
  }

  /**
   * Coordinate agreement estimates Jaccard without bias, for documents of 2 KB (about 350
   * shingles for 100 bins, a few bins densified) and for short ones (40 shingles: most bins
   * densified): mean agreement over 400 pairs within 0.01 of J.
   */
  @Test
  void agreementIsAnUnbiasedEstimateOfJaccardAlsoWhenMostBinsAreDensified() {
    SplittableRandom random = new SplittableRandom(42);
    MinHasher hasher = new MinHasher(100, 7);
    for (int[] shape : new int[][] {{35, 35, 280}, {70, 70, 210}, {4, 4, 32}, {8, 8, 24}}) {
      double j = (double) shape[2] / (shape[0] + shape[1] + shape[2]);
      double sum = 0;
      for (int t = 0; t < 400; t++) {
        long[][] p = pair(random, shape[0], shape[1], shape[2]);
        sum += agreement(hasher.signature(p[0]), hasher.signature(p[1]));
      }
      assertThat(sum / 400).as("J = %.3f with %d shingles", j, shape[0] + shape[2]).isCloseTo(j, within(0.01));
    }
  }

  /** The banded S-curve holds: pairs at J = 0.8 share a 20 × 5 band at the rate 1 − (1 − 0.8^5)^20. */
  @Test
  void bandCollisionRateFollowsTheSCurve() {
    SplittableRandom random = new SplittableRandom(3);
    MinHashParams params = new MinHashParams(5, 10, 5, 11); // 10 × 5: P(0.8) = 0.981, P(0.6) = 0.55
    MinHasher hasher = new MinHasher(params.numPerm(), params.seed());
    LshBands bands = new LshBands(params.bands(), params.rows());
    for (int[] shape : new int[][] {{35, 35, 280}, {87, 87, 263}}) {
      double j = (double) shape[2] / (shape[0] + shape[1] + shape[2]);
      int hits = 0;
      int trials = 2000;
      for (int t = 0; t < trials; t++) {
        long[][] p = pair(random, shape[0], shape[1], shape[2]);
        long[] ka = bands.keys(hasher.signature(p[0]));
        long[] kb = bands.keys(hasher.signature(p[1]));
        for (int b = 0; b < ka.length; b++) {
          if (ka[b] == kb[b]) {
            hits++;
            break;
          }
        }
      }
      assertThat((double) hits / trials).as("J = %.3f", j).isCloseTo(params.candidateProbability(j), within(0.03));
    }
  }

  @Test
  void identicalSetsAgreeEverywhereDisjointSetsAlmostNowhere() {
    long[][] p = pair(new SplittableRandom(5), 300, 300, 0);
    MinHasher hasher = new MinHasher(112, 1);
    assertThat(hasher.signature(p[0].clone())).isEqualTo(hasher.signature(p[0]));
    assertThat(agreement(hasher.signature(p[0]), hasher.signature(p[1]))).isZero();
  }
}
