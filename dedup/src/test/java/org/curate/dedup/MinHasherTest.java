package org.curate.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MinHasherTest {

  @Test
  void mulModMatchesBigInteger() {
    SplittableRandom random = new SplittableRandom(7);
    BigInteger p = BigInteger.valueOf(MinHasher.PRIME);
    for (int i = 0; i < 10_000; i++) {
      long a = random.nextLong(MinHasher.PRIME);
      long x = random.nextLong(MinHasher.PRIME);
      assertThat(MinHasher.mulMod(a, x)).isEqualTo(BigInteger.valueOf(a).multiply(BigInteger.valueOf(x)).mod(p).longValue());
    }
    assertThat(MinHasher.mulMod(MinHasher.PRIME - 1, MinHasher.PRIME - 1)).isEqualTo(1);
    assertThat(MinHasher.reduce(-1L)).isEqualTo(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE).mod(p).longValue());
  }

  @Test
  void sameSeedSameSignatureAndAgreementEstimatesJaccard() {
    long[] a = new long[1000];
    long[] b = new long[1000];
    for (int i = 0; i < 1000; i++) {
      a[i] = Hash64.fmix64(i);
      b[i] = Hash64.fmix64(i + 250); // 750 shared of 1250: J = 0.6
    }
    java.util.Arrays.sort(a);
    java.util.Arrays.sort(b);
    MinHasher hasher = new MinHasher(1024, 1);
    long[] sa = hasher.signature(a);
    assertThat(new MinHasher(1024, 1).signature(a)).isEqualTo(sa);
    assertThat(new MinHasher(1024, 2).signature(a)).isNotEqualTo(sa);
    long[] sb = hasher.signature(b);
    int agree = 0;
    for (int i = 0; i < sa.length; i++) {
      agree += sa[i] == sb[i] ? 1 : 0;
    }
    assertThat(agree / 1024.0).isCloseTo(Jaccard.of(a, b), within(0.05));
    assertThat(Jaccard.of(a, b)).isCloseTo(0.6, within(1e-9));
  }
}
