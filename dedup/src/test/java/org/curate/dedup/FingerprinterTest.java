package org.curate.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FingerprinterTest {
  private final Fingerprinter fingerprinter = new Fingerprinter(MinHashParams.DEFAULTS);

  @Test
  void formattingDifferencesGiveTheSameFingerprint() {
    Fingerprint a = fingerprinter.fingerprint("The cat sat on the mat in 2023, happily.");
    Fingerprint b = fingerprinter.fingerprint("the  CAT sat on the mat in 1999 -- happily!");
    assertThat(b.exactHigh()).isEqualTo(a.exactHigh());
    assertThat(b.exactLow()).isEqualTo(a.exactLow());
    assertThat(b.bandKeys()).isEqualTo(a.bandKeys()).hasSize(20);
    assertThat(Jaccard.of(a.shingles(), b.shingles())).isEqualTo(1.0);
  }

  @Test
  void differentTextsDifferAndEmptyTextsAreMarked() {
    Fingerprint a = fingerprinter.fingerprint("one two three four five six");
    Fingerprint b = fingerprinter.fingerprint("one two three four five seven");
    assertThat(a.exactLow()).isNotEqualTo(b.exactLow());
    assertThat(Jaccard.of(a.shingles(), b.shingles())).isEqualTo(1.0 / 3);
    Fingerprint empty = fingerprinter.fingerprint(" ?! ");
    assertThat(empty.empty()).isTrue();
    assertThat(empty.bandKeys()).isEmpty();
  }
}
