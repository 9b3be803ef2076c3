package org.curate.filters.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.curate.filters.quality.SampleTexts.doc;
import static org.curate.filters.quality.SampleTexts.params;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.curate.core.Document;
import org.curate.core.Outcome;
import org.curate.filters.FilterParams;
import org.junit.jupiter.api.Test;

class FineWebQualityFilterTest {
  private static final FineWebQualityFilter DEFAULTS = new FineWebQualityFilter(FilterParams.empty("fineweb_quality"));

  /** {@code n} distinct lines of 8 words (over 30 chars); the first {@code punctuated} end in a period. */
  static String lines(int n, int punctuated) {
    return IntStream.range(0, n).mapToObj(i -> "line " + i + " has several distinct words in it" + (i < punctuated ? "." : ""))
        .collect(Collectors.joining("\n"));
  }

  @Test
  void emptyAndOneLine() {
    assertThat(DEFAULTS.apply(doc("")).reason()).isEqualTo("fineweb_quality:empty");
    assertThat(DEFAULTS.apply(doc("\n \n")).reason()).isEqualTo("fineweb_quality:empty");
    assertThat(DEFAULTS.apply(doc("A single line that ends a sentence properly.")).reason()).isNull();
  }

  @Test
  void linePunctuationRatioBothSides() {
    assertThat(DEFAULTS.apply(doc(lines(25, 3))).reason()).isNull(); // 0.12
    assertThat(DEFAULTS.apply(doc(lines(25, 2))).reason()).isEqualTo("fineweb_quality:line_punct_ratio"); // 0.08
    assertThat(new FineWebQualityFilter(params("fineweb_quality", "line_punct_exclude_zero", true))
        .apply(doc(lines(25, 0))).reason()).isNull();
    // closing quotes after the terminal, and other scripts' terminals, count
    FineWebQualityFilter shortLinesAllowed = new FineWebQualityFilter(params("fineweb_quality", "short_line_thr", 1));
    assertThat(shortLinesAllowed.apply(doc("He said \"that is all.\"\n今天天气很好，我们去公园散步吧。")).reason()).isNull();
    assertThat(shortLinesAllowed.apply(doc("A list:\n今天天气很好，我们去公园散步吧")).reason()).isEqualTo("fineweb_quality:line_punct_ratio");
  }

  @Test
  void shortLineRatioBothSides() {
    String keep = "Short one.\nShort two.\n" + "A much longer line that ends with a full stop.";
    assertThat(DEFAULTS.apply(doc(keep)).reason()).isNull(); // 2/3 = 0.667
    String drop = "Short one.\nShort two.\nShort three.\n" + "A much longer line that ends with a full stop.";
    assertThat(DEFAULTS.apply(doc(drop)).reason()).isEqualTo("fineweb_quality:short_line_ratio"); // 0.75
  }

  @Test
  void charDuplicateRatioUsesTextWithoutNewlines() {
    String base = lines(20, 20);
    String line = "line 0 has several distinct words in it.";
    Document d = ((Outcome.Dropped<Document>) DEFAULTS.apply(doc(base + "\n" + line))).value();
    double expected = (double) line.length() / (base.length() - 19 + line.length()); // 20 lines: 19 newlines
    assertThat(d.tags()).containsEntry("fineweb_quality.char_dup_ratio", expected);
    assertThat(new FineWebQualityFilter(params("fineweb_quality", "char_duplicates_ratio", expected))
        .apply(doc(base + "\n" + line)).reason()).isNull();
    assertThat(DEFAULTS.apply(doc("The same line, repeated three times here.\n".repeat(3))).reason()).isEqualTo("fineweb_quality:char_dup_ratio");
  }

  @Test
  void listRatioBothSides() {
    FineWebQualityFilter f = new FineWebQualityFilter(params("fineweb_quality", "line_punct_thr", 0, "short_line_thr", 1));
    String ten = IntStream.range(0, 10).mapToObj(i -> "alpha" + i + " beta" + i + " gamma" + i).collect(Collectors.joining("\n"));
    String eleven = ten + "\nalpha10 beta10 gamma10";
    assertThat(f.apply(doc(ten)).reason()).isNull(); // 9 newlines / 30 tokens
    assertThat(f.apply(doc(eleven)).reason()).isEqualTo("fineweb_quality:list_ratio"); // 10 / 33
  }
}
