package org.curate.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LshBandsTest {

  @Test
  void bandKeyChangesOnlyWithItsOwnRows() {
    LshBands bands = new LshBands(3, 2);
    long[] sig = {1, 2, 3, 4, 5, 6};
    long[] other = {1, 2, 3, 9, 5, 6};
    long[] k1 = bands.keys(sig);
    long[] k2 = bands.keys(other);
    assertThat(k1[0]).isEqualTo(k2[0]);
    assertThat(k1[1]).isNotEqualTo(k2[1]);
    assertThat(k1[2]).isEqualTo(k2[2]);
    // The same values in another band give another key.
    assertThat(bands.keys(new long[] {3, 4, 1, 2, 5, 6})[0]).isNotEqualTo(k1[1]);
  }

  @Test
  void defaultsAndFineWebSCurves() {
    MinHashParams p = MinHashParams.DEFAULTS;
    assertThat(p.numPerm()).isEqualTo(100);
    assertThat(p.candidateProbability(0.8)).isCloseTo(0.9996, within(0.0001));
    assertThat(p.candidateProbability(0.5)).isCloseTo(0.47, within(0.01));
    MinHashParams fineWeb = new MinHashParams(5, 14, 8, 1);
    assertThat(fineWeb.candidateProbability(0.8)).isCloseTo(0.924, within(0.001));
    assertThat(fineWeb.threshold()).isCloseTo(0.719, within(0.001));
  }
}
