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
}
