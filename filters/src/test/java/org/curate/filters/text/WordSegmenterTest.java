package org.curate.filters.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordSegmenterTest {
  private final WordSegmenter seg = new WordSegmenter();

  @Test
  void spacedTextSplitsOnUnicodeWordBoundaries() {
    assertThat(seg.words("Don't stop: 3.14 foo_bar, café!")).containsExactly("Don't", "stop", "3.14", "foo_bar", "café");
    assertThat(seg.tokens("Wait... yes!")).containsExactly("Wait", ".", ".", ".", "yes", "!");
    assertThat(seg.words("")).isEmpty();
    assertThat(seg.words(" \n\t ")).isEmpty();
  }

  @Test
  void chineseAndJapaneseGetDictionaryWordsNotOneToken() {
    String zh = "自然语言处理是计算机科学领域与人工智能领域中的一个重要方向。它研究能实现人与计算机之间用自然语言进行有效通信的各种理论和方法。";
    assertThat(seg.countWords(zh)).isBetween(20, 50);
    assertThat(seg.words(zh)).contains("自然", "语言", "人工", "智能");
    String ja = "日本語の文章を単語に分割するのは簡単ではありません。東京都は日本の首都です。";
    assertThat(seg.countWords(ja)).isBetween(12, 30);
    assertThat(seg.words(ja)).contains("東京", "首都");
    String th = "ภาษาไทยเขียนโดยไม่เว้นวรรคระหว่างคำ";
    assertThat(seg.countWords(th)).isGreaterThan(4);
  }

  @Test
  void sentencesUseIcuBoundariesAndSkipPiecesWithoutLetters() {
    assertThat(seg.sentences(" One here. Two there!  Three? ")).containsExactly("One here.", "Two there!", "Three?");
    assertThat(seg.countSentences("— • ")).isZero();
    assertThat(seg.countSentences("今天天气很好。我们去公园吧。")).isEqualTo(2);
    assertThat(seg.countSentences("")).isZero();
  }

  @Test
  void deterministicAndReusable() {
    String text = "The same text, segmented twice. 同じ文章です。";
    assertThat(seg.tokens(text)).isEqualTo(seg.tokens(text)).isEqualTo(WordSegmenter.forCurrentThread().tokens(text));
  }

  @Test
  void countsInsideLineRangesEqualCountsOfTheLinesAlone() {
    // Lines whose ends sit next to things that join across a space inside a line (3.14, don't,
    // dictionary runs, abbreviations before a capital): the range count must not see the neighbours.
    String[] pieces = {"Don't stop at 3.", "14 units", "自然语言处理是", "重要方向。它研究", "Mr. Smith went.", "e.g.",
        "ภาษาไทยเขียน", "โดยไม่เว้นวรรค", "  ", "東京都は日本の首都です。", "U.S.", "A", "“Quoted.”", "x_y", "—", "١٢٣ عربي"};
    java.util.Random random = new java.util.Random(7);
    for (int round = 0; round < 200; round++) {
      StringBuilder b = new StringBuilder();
      int lines = 1 + random.nextInt(6);
      for (int l = 0; l < lines; l++) {
        if (l > 0) {
          b.append(random.nextBoolean() ? "\n" : "\r\n");
        }
        for (int k = random.nextInt(4); k >= 0; k--) {
          b.append(pieces[random.nextInt(pieces.length)]).append(random.nextInt(3) == 0 ? "" : " ");
        }
      }
      String text = b.toString();
      TextLines spans = TextLines.linesOf(text);
      for (int i = 0; i < spans.count(); i++) {
        String line = text.substring(spans.start(i), spans.end(i));
        WordSegmenter fresh = new WordSegmenter();
        assertThat(seg.countWords(text, spans.start(i), spans.end(i))).as("words of %s in %s", line, text)
            .isEqualTo(fresh.countWords(line));
        assertThat(seg.countSentences(text, spans.start(i), spans.end(i))).as("sentences of %s in %s", line, text)
            .isEqualTo(fresh.countSentences(line));
      }
    }
  }

  @Test
  void replayedTokensEqualFreshTokensAndANewStringIsSegmentedAgain() {
    String text = "First text, once.";
    assertThat(seg.tokens(text)).containsExactly("First", "text", ",", "once", ".");
    assertThat(seg.tokens(text)).containsExactly("First", "text", ",", "once", ".");
    String other = new String("Other words here.");
    assertThat(seg.tokens(other)).containsExactly("Other", "words", "here", ".");
    assertThat(seg.countWords(text, 0, text.length())).isEqualTo(3);
    StringBuilder mutable = new StringBuilder("abc def");
    assertThat(seg.countWords(mutable)).isEqualTo(2);
    mutable.append(" ghi");
    assertThat(seg.countWords(mutable)).isEqualTo(3);
  }

  @Test
  void tokensCarriedOverToJoinedLinesEqualThoseOfSegmentingThem() {
    String[] texts = {
        "  First line, with words.\nsecond line 3.14 and foo_bar\n\n   \t third: don't stop!  \n",
        "自然语言处理是计算机科学领域。\n  東京都は日本の首都です。\nMixed 中文 and English.\n",
        "line one\n \u0301combining mark after trimmed space\nline three",
        "a\nb\n\u0301c after a line end\n  \uFEFFformat char"};
    for (String text : texts) {
      TextLines lines = TextLines.linesOf(text);
      for (int mask = 1; mask < 1 << lines.count(); mask++) { // every non-empty subset of the lines
        int[] starts = new int[lines.count()];
        int[] ends = new int[lines.count()];
        StringBuilder joined = new StringBuilder();
        int n = 0;
        for (int i = 0; i < lines.count(); i++) {
          if ((mask & 1 << i) != 0) {
            starts[n] = lines.start(i);
            ends[n++] = lines.end(i);
            joined.append(joined.length() > 0 ? "\n" : "").append(text, lines.start(i), lines.end(i));
          }
        }
        String joinedText = joined.toString();
        seg.countWords(text); // the source is the text segmented last
        seg.carryOverLines(text, starts, ends, n, joinedText);
        assertThat(spans(seg, joinedText)).as("%s lines %s", text, Integer.toBinaryString(mask))
            .isEqualTo(spans(new WordSegmenter(), new StringBuilder(joinedText)));
      }
    }
  }

  private static java.util.List<String> spans(WordSegmenter segmenter, CharSequence text) {
    java.util.List<String> out = new java.util.ArrayList<>();
    segmenter.forEachToken(text, (s, e, isWord) -> out.add(s + "-" + e + (isWord ? "w" : "s")));
    return out;
  }
}
