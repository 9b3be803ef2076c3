package org.curate.filters.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.curate.filters.quality.SampleTexts.doc;
import static org.curate.filters.quality.SampleTexts.kept;
import static org.curate.filters.quality.SampleTexts.params;
import static org.curate.filters.quality.SampleTexts.words;

import org.curate.core.Document;
import org.curate.core.Outcome;
import org.curate.filters.FilterParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RefinedWebLinesFilterTest {
  private static final RefinedWebLinesFilter DEFAULTS = new RefinedWebLinesFilter(FilterParams.empty("refinedweb_lines"));
  /** Allows any removal, to see the rewrite itself. */
  private static final RefinedWebLinesFilter REWRITE_ONLY = new RefinedWebLinesFilter(params("refinedweb_lines", "max_removed_word_ratio", 1));

  @Test
  void emptyOneLineAndUntouchedTextsAreKeptAsIs() {
    assertThat(kept(DEFAULTS.apply(doc(""))).changes()).isEmpty();
    assertThat(kept(DEFAULTS.apply(doc("A normal line of text."))).value().text()).isEqualTo("A normal line of text.");
    String withBlanks = "\nFirst paragraph line.\n\n  Second paragraph, indented.  \n";
    Outcome.Kept<Document> k = kept(DEFAULTS.apply(doc(withBlanks)));
    assertThat(k.changes()).isEmpty();
    assertThat(k.value().text()).isEqualTo(withBlanks);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "uppercase_lines | THIS LINE SHOUTS AT YOU",
      "numeric_lines   | 2024",
      "counter_lines   | 1.2K likes",
      "counter_lines   | - 3,400 Followers -",
      "short_lines     | Menu"})
  void lineRemovalRules(String rule, String line) {
    Outcome.Kept<Document> k = kept(REWRITE_ONLY.apply(doc("Keep this ordinary line.\n" + line + "\nAnd this one too.")));
    assertThat(k.changes()).containsExactly("refinedweb_lines:" + rule);
    assertThat(k.value().text()).isEqualTo("Keep this ordinary line.\nAnd this one too.");
  }

  @Test
  void linesJustUnderTheLimitsStay() {
    String text = "Half UPPER half lower\n12 34\n3 likes it a lot\nTwo words";
    assertThat(kept(DEFAULTS.apply(doc(text))).changes()).isEmpty();
    assertThat(RefinedWebLinesFilter.isCounter("1.2K likes")).isTrue();
    assertThat(RefinedWebLinesFilter.isCounter("likes 12")).isFalse();
    assertThat(RefinedWebLinesFilter.isCounter("12likes")).isFalse();
  }

  @Test
  void boilerplateIsCutFromShortLinesOnly() {
    Outcome.Kept<Document> k = kept(REWRITE_ONLY.apply(doc("Sign-in to comment here please\nGreat article. Read more...\n3 items in cart")));
    assertThat(k.changes()).containsExactly("refinedweb_lines:boilerplate_removed");
    assertThat(k.value().text()).isEqualTo("to comment here please\nGreat article.\n3"); // W4 ran before W5, as in DCLM
    String longLine = "Sign-in is what this long sentence talks about for more than ten words in total";
    assertThat(kept(DEFAULTS.apply(doc(longLine))).changes()).isEmpty();
  }

  @Test
  void removedWordRatioBothSidesOfFivePercent() {
    String base = words(95); // 95 words on one line
    Outcome.Kept<Document> k = kept(DEFAULTS.apply(doc(base + "\n" + "ALL CAPS FIVE WORD LINE")));
    assertThat(k.changes()).containsExactly("refinedweb_lines:uppercase_lines"); // 5/100
    assertThat(k.value().tags()).containsEntry("refinedweb_lines.removed_word_ratio", 0.05);
    assertThat(DEFAULTS.apply(doc(base + "\n" + "ALL CAPS SIX WORD LINE HERE")).reason())
        .isEqualTo("refinedweb_lines:too_much_removed"); // 6/101
  }

  @Test
  void chineseLinesAreNotOneWordLines() {
    String zh = "今天天气很好，我们去公园散步吧。\n自然语言处理是计算机科学领域的一个重要方向。";
    assertThat(kept(DEFAULTS.apply(doc(zh))).changes()).isEmpty();
  }
}
