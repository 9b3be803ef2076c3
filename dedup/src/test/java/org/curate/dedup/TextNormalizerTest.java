package org.curate.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {
  private final TextNormalizer normalizer = new TextNormalizer();

  @Test
  void foldsCaseDigitsPunctuationAndWhitespace() {
    assertThat(normalizer.normalize("  Hello,   World!\n\tPrice: $42.99 (2024)  "))
        .isEqualTo("hello world price 00 00 0000");
  }

  @Test
  void removesAccentsFromLatinGreekCyrillicOnly() {
    assertThat(normalizer.normalize("Café Crème brûlée ŽLUŤOUČKÝ")).isEqualTo("cafe creme brulee zlutoucky");
    assertThat(normalizer.normalize("Ἀθῆναι й")).isEqualTo("αθηναι и");
    // Devanagari vowel signs are letters' vowels, not accents: kept.
    assertThat(normalizer.normalize("हिन्दी")).isEqualTo("हिन्दी");
  }

  @Test
  void appliesNfkcSoCompatibilityFormsMatch() {
    assertThat(normalizer.normalize("ＡＢＣ　１２３ ﬁne")).isEqualTo("abc 000 fine");
    assertThat(normalizer.normalize("東京都、２０２４年")).isEqualTo("東京都 0000年");
  }

  @Test
  void punctuationOnlyBecomesEmpty() {
    assertThat(normalizer.normalize(" ... !!! --- ")).isEmpty();
  }

  /** ASCII texts take a one-pass path: it must give what the general path gives (forced here by a trailing é). */
  @Test
  void asciiFastPathAgreesWithTheGeneralPath() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(9);
    for (int t = 0; t < 2000; t++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(60); i > 0; i--) {
        text.append((char) random.nextInt(0x80));
      }
      String ascii = normalizer.normalize(text);
      String general = normalizer.normalize(text + " \u00e9");
      assertThat(general).isEqualTo(ascii.isEmpty() ? "e" : ascii + " e");
    }
  }
}
