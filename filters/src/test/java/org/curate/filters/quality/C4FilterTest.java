package org.curate.filters.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.curate.filters.quality.SampleTexts.doc;
import static org.curate.filters.quality.SampleTexts.kept;
import static org.curate.filters.quality.SampleTexts.params;

import org.curate.core.Document;
import org.curate.core.Outcome;
import org.curate.filters.FilterParams;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class C4FilterTest {
  private static final C4Filter DEFAULTS = new C4Filter(FilterParams.empty("c4"));
  /** Three sentences of at least five words on one line: passes every rule. */
  private static final String GOOD = "The first sentence is right here. The second one follows it now. A third one ends the line.";

  @Test
  void emptyOneLineAndUnchangedText() {
    assertThat(DEFAULTS.apply(doc("")).reason()).isEqualTo("c4:empty_after_cleaning");
    Outcome.Kept<Document> k = kept(DEFAULTS.apply(doc(GOOD)));
    assertThat(k.changes()).isEmpty();
    assertThat(k.value().text()).isEqualTo(GOOD);
    assertThat(k.value().tags()).containsEntry("c4.sentences", 3.0);
  }

  @Test
  void sentencesBothSidesOfThreshold() {
    assertThat(DEFAULTS.apply(doc("The first sentence is right here. The second one follows it now.")).reason())
        .isEqualTo("c4:too_few_sentences");
    assertThat(new C4Filter(params("c4", "min_sentences", 2))
        .apply(doc("The first sentence is right here. The second one follows it now.")).reason()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no terminal punctuation | This line has no end mark at all",
      "ellipsis end            | This line trails off into nothing...",
      "four words              | Only four words here.",
      "javascript              | Please enable JavaScript to view this page.",
      "policy                  | By browsing you accept our Privacy Policy today.",
      "word over 1000 chars    | LONG"})
  void lineRulesRemoveTheLine(String rule, String line) {
    String bad = line.equals("LONG") ? "A line with a " + "x".repeat(1001) + " word." : line;
    Outcome.Kept<Document> k = kept(DEFAULTS.apply(doc(GOOD + "\n" + bad)));
    assertThat(k.changes()).containsExactly("c4:lines_removed");
    assertThat(k.value().text()).isEqualTo(GOOD);
    assertThat(k.value().tags()).containsEntry("c4.lines_removed", 1.0);
  }

  @Test
  void thresholdsOfLineRulesOnTheKeepingSide() {
    String five = "Exactly five words are here.";
    String word1000 = "A line with a " + "x".repeat(1000) + " word.";
    assertThat(kept(DEFAULTS.apply(doc(GOOD + "\n" + five + "\n" + word1000))).changes()).isEmpty();
    String quoted = "He told us \"it is all over now.\"";
    assertThat(kept(DEFAULTS.apply(doc(GOOD + "\n" + quoted))).changes()).isEmpty();
    assertThat(kept(new C4Filter(params("c4", "terminal_punct", false)).apply(doc(GOOD + "\nNo end mark on this line")))
        .changes()).isEmpty();
  }

  @Test
  void documentRules() {
    assertThat(DEFAULTS.apply(doc(GOOD + "\nLorem ipsum dolor sit amet, consectetur.")).reason()).isEqualTo("c4:lorem_ipsum");
    assertThat(DEFAULTS.apply(doc(GOOD + "\nThe function body is { return x; } here.")).reason()).isEqualTo("c4:curly_bracket");
    // a removed line is never looked at again: its bracket does not drop the page
    assertThat(DEFAULTS.apply(doc(GOOD + "\nvar x = {}")).reason()).isNull();
    assertThat(DEFAULTS.apply(doc("short\nlines\nonly")).reason()).isEqualTo("c4:empty_after_cleaning");
    Outcome.Dropped<Document> d = (Outcome.Dropped<Document>) DEFAULTS.apply(doc(GOOD + "\nLorem ipsum dolor sit amet, consectetur."));
    assertThat(d.value().text()).startsWith(GOOD); // tag-only keeps the original text
  }

  @Test
  void citationsAreRemovedAndBlankLinesNormalised() {
    Outcome.Kept<Document> k = kept(DEFAULTS.apply(doc("The first sentence is right here.[1] The second one follows it now.[citation needed] A third one ends the line.[edit]")));
    assertThat(k.changes()).containsExactly("c4:citations_removed");
    assertThat(k.value().text()).isEqualTo(GOOD);
    Outcome.Kept<Document> ws = kept(DEFAULTS.apply(doc("  " + GOOD + "\n\n")));
    assertThat(ws.changes()).containsExactly("c4:whitespace_normalized");
  }

  @Test
  void chineseAndJapaneseLinesHaveWordsAndSentences() {
    String zh = "今天天气很好，我们去公园散步吧。自然语言处理是计算机科学领域的一个重要方向。它研究人与计算机之间的通信方法。";
    assertThat(kept(DEFAULTS.apply(doc(zh))).changes()).isEmpty();
    String ja = "日本語の文章を単語に分割するのは簡単ではありません。東京都は日本の首都です。今日はとても良い天気です。";
    assertThat(kept(DEFAULTS.apply(doc(ja))).changes()).isEmpty();
  }
}
