package org.curate.filters.fasttext;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Checks that need neither the CLI nor a model file. */
class FastTextDictionaryTest {
  private static int hash(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return FastTextDictionary.hash(b, 0, b.length);
  }

  @Test
  void hashIsFnv1aOverSignExtendedBytes() {
    // Expected values from an independent FNV-1a over UTF-8 bytes read as signed char.
    assertThat(Integer.toUnsignedLong(hash("hello"))).isEqualTo(0x4f9f2cabL);
    assertThat(Integer.toUnsignedLong(hash("é"))).isEqualTo(0x3cfa68c1L); // differs from unsigned-byte FNV-1a
    assertThat(Integer.toUnsignedLong(hash("</s>"))).isEqualTo(0xd79c9359L);
  }

  @Test
  void topKKeepsTheBestInOrder() {
    TopK top = new TopK(5);
    top.reset(3);
    float[] scores = {-3f, -1f, -4f, -0.5f, -2f};
    for (int i = 0; i < scores.length; i++) {
      top.offer(scores[i], i);
    }
    assertThat(top.size()).isEqualTo(3);
    assertThat(new int[] {top.label(0), top.label(1), top.label(2)}).containsExactly(3, 1, 4);
  }

  @Test
  void tableSigmoidSaturatesOutsideEight() {
    assertThat(OneVsAllOutput.tableSigmoid(-9f)).isZero();
    assertThat(OneVsAllOutput.tableSigmoid(9f)).isEqualTo(1f);
    assertThat(OneVsAllOutput.tableSigmoid(0f)).isCloseTo(0.5f, org.assertj.core.data.Offset.offset(0.01f));
  }
}
