package org.curate.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ParagraphKeysTest {
  private static final String COOKIE = "We use cookies to improve your experience on our website.";
  private final ParagraphKeys keys = new ParagraphKeys(20);

  @Test
  void keysOnlyLongEnoughParagraphsOnceEachIgnoringCaseDigitsAndPunctuation() {
    long[] a = keys.distinct("Home\n" + COOKIE + "\n\nThe 2024 results were better than expected, said the board.\n" + COOKIE);
    long[] b = keys.distinct("  WE USE COOKIES -- to improve your experience on our website!!  \nShort line");

    assertThat(a).hasSize(2).isSorted();
    assertThat(b).hasSize(1);
    assertThat(a).contains(b[0]);
    // Digits fold to 0, so a year does not make a paragraph unique.
    assertThat(keys.distinct("The 1999 results were better than expected, said the board."))
        .containsExactly(keys.distinct("The 2024 results were better than expected, said the board.")[0]);
    assertThat(keys.distinct("")).isEmpty();
    assertThat(keys.distinct(null)).isEmpty();
  }

  @Test
  void removesEveryOccurrenceAndClosesTheGapWithoutTouchingTheRestOfTheLayout() {
    long[] cookie = keys.distinct(COOKIE);
    String text = COOKIE + "\n\nFirst paragraph.\n  \nSecond paragraph.\n\n" + COOKIE.toUpperCase() + "\n\nThird.\n" + COOKIE + "\n";

    assertThat(keys.remove(text, cookie)).isEqualTo("First paragraph.\n  \nSecond paragraph.\n\nThird.");
    assertThat(keys.remove("A\n" + COOKIE + "\nB\n", cookie)).isEqualTo("A\nB\n");
    assertThat(keys.remove(COOKIE + "\n\n" + COOKIE, cookie)).isEmpty();
  }

  @Test
  void leavesTextsWithoutAMatchingParagraphAsTheyAre() {
    String text = "\nIntro line that is long enough to be a key.\r\n\n\nEnd\n\n";
    assertThat(keys.remove(text, keys.distinct(COOKIE))).isSameAs(text);
    assertThat(keys.remove(text, new long[0])).isSameAs(text);
    // A short line never matches, even if its key were listed.
    assertThat(keys.remove("End\nmore", new long[] {0L})).isEqualTo("End\nmore");
  }

  @Test
  void rejectsANonPositiveMinimum() {
    assertThatThrownBy(() -> new ParagraphKeys(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
