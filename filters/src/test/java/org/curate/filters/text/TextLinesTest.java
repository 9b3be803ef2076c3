package org.curate.filters.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextLinesTest {
  @Test
  void linesAreTrimmedAndBlankLinesLeftOut() {
    assertThat(TextLines.lines(" a \r\n\n  \nb")).containsExactly("a", "b");
    assertThat(TextLines.lines("")).isEmpty();
    assertThat(TextLines.lines("one")).containsExactly("one");
  }

  @Test
  void paragraphsAreSeparatedByBlankLinesEvenWithSpaces() {
    assertThat(TextLines.paragraphs("a\nb\n\n\nc\n \nd\n")).containsExactly("a\nb", "c", "d");
    assertThat(TextLines.paragraphs("\n\n")).isEmpty();
  }

  @Test
  void sentenceEnds() {
    assertThat(SentenceEnds.endsSentence("He said \"yes.\"  ", 0, 16)).isTrue();
    assertThat(SentenceEnds.endsSentence("好。", 0, 2)).isTrue();
    assertThat(SentenceEnds.endsSentence("a list:", 0, 7)).isFalse();
    assertThat(SentenceEnds.endsWithEllipsis("wait... ", 0, 8)).isTrue();
    assertThat(SentenceEnds.endsWithEllipsis("wait…", 0, 5)).isTrue();
  }

  @Test
  void counterCountsKeys() {
    LongCounter c = new LongCounter(4);
    for (long k = 0; k < 1000; k++) {
      assertThat(c.increment(k)).isEqualTo(1);
    }
    assertThat(c.increment(0)).isEqualTo(2);
    assertThat(c.count(999)).isEqualTo(1);
    c.clear();
    assertThat(c.count(999)).isZero();
  }
}
