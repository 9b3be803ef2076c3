package org.curate.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShingleHasherTest {
  private final ShingleHasher shingler = new ShingleHasher(5);

  @Test
  void oneShinglePerWindowSortedAndDistinct() {
    long[] s = shingler.shingles("a b c d e f g");
    assertThat(s).hasSize(3).isSorted();
    // Repeated windows count once.
    assertThat(shingler.shingles("a b c d e a b c d e")).hasSize(5);
    assertThat(shingler.shingles("a b c d e a b c d e a")).hasSize(5);
  }

  @Test
  void wordOrderMattersAndHashesAreStable() {
    assertThat(shingler.shingles("a b c d e")).isNotEqualTo(shingler.shingles("b a c d e"));
    assertThat(shingler.shingles("a b c d e f")).isEqualTo(new ShingleHasher(5).shingles("a b c d e f"));
  }

  @Test
  void shortTextsHaveOneShingleAndEmptyTextsNone() {
    assertThat(shingler.shingles("just three words")).hasSize(1);
    assertThat(shingler.shingles("just three words")).isNotEqualTo(shingler.shingles("just three"));
    assertThat(shingler.shingles("")).isEmpty();
  }

  @Test
  void shingleHashesAreTheSameSetInTextOrderWithRepeats() {
    String text = "a b c d e a b c d e a x";
    long[] raw = shingler.shingleHashes(text);
    assertThat(raw).hasSize(8);
    assertThat(java.util.Arrays.stream(raw).sorted().distinct().toArray()).containsExactly(shingler.shingles(text));
    assertThat(raw[0]).isEqualTo(raw[5]); // "a b c d e" twice
    assertThat(shingler.shingleHashes("just three words")).containsExactly(shingler.shingles("just three words"));
    assertThat(shingler.shingleHashes("")).isEmpty();
  }
}
