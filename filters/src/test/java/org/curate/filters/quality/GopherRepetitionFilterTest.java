package org.curate.filters.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.curate.filters.quality.SampleTexts.doc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.curate.core.Document;
import org.curate.core.Outcome;
import org.curate.filters.FilterParams;
import org.curate.filters.text.LongCounter;
import org.curate.filters.text.WordSegmenter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GopherRepetitionFilterTest {
  private static final GopherRepetitionFilter DEFAULTS = new GopherRepetitionFilter(FilterParams.empty("gopher_repetition"));

  /** A line whose tokens appear nowhere else, so only whole-line copies repeat. */
  static String uniqueLine(int i) {
    return IntStream.range(0, 5).mapToObj(k -> "w" + i + "x" + k).collect(Collectors.joining(" "));
  }

  /** Params with every rule off (limit 1) except the given ones. */
  static GopherRepetitionFilter only(Object... keyValues) {
    Map<String, Object> m = new HashMap<>();
    for (String k : List.of("dup_line_frac", "dup_para_frac", "dup_line_char_frac", "dup_para_char_frac")) {
      m.put(k, 1.0);
    }
    for (int n = 2; n <= 4; n++) {
      m.put("top_" + n + "gram", 1.0);
    }
    for (int n = 5; n <= 10; n++) {
      m.put("dup_" + n + "gram", 1.0);
    }
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return new GopherRepetitionFilter(new FilterParams("gopher_repetition", m));
  }

  static String linesWithCopies(int unique, int copiesOfFirst) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < unique; i++) {
      lines.add(uniqueLine(i));
    }
    for (int i = 0; i < copiesOfFirst; i++) {
      lines.add(uniqueLine(0));
    }
    return String.join("\n", lines);
  }

  @Test
  void emptyOneLineAndAllDuplicateLines() {
    assertThat(DEFAULTS.apply(doc("")).reason()).isEqualTo("gopher_repetition:empty");
    assertThat(DEFAULTS.apply(doc(" \n\n ")).reason()).isEqualTo("gopher_repetition:empty");
    assertThat(DEFAULTS.apply(doc("just one line of text")).reason()).isNull();
    assertThat(DEFAULTS.apply(doc("the same line\n".repeat(5))).reason()).isEqualTo("gopher_repetition:dup_line_frac");
    assertThat(DEFAULTS.apply(doc("the same paragraph\n\n".repeat(5))).reason()).isEqualTo("gopher_repetition:dup_para_frac");
  }

  @Test
  void duplicateLineFractionBothSidesOfThreshold() {
    assertThat(only("dup_line_frac", 0.3).apply(doc(linesWithCopies(7, 3))).reason()).isNull();
    assertThat(only("dup_line_frac", 0.3).apply(doc(linesWithCopies(6, 4))).reason()).isEqualTo("gopher_repetition:dup_line_frac");
  }

  @Test
  void duplicateCharFractionsCountSecondAndLaterCopiesOverWholeText() {
    String text = linesWithCopies(3, 1) + "\n\n" + uniqueLine(0);
    Document d = ((Outcome.Kept<Document>) only().apply(doc(text))).value();
    double lineChars = 2.0 * uniqueLine(0).length() / text.length();
    assertThat(d.tags()).containsEntry("gopher_repetition.dup_line_char_frac", lineChars)
        .containsEntry("gopher_repetition.dup_line_frac", 2.0 / 5)
        .containsEntry("gopher_repetition.dup_para_frac", 0.0);
    assertThat(only("dup_line_char_frac", lineChars).apply(doc(text)).reason()).isNull();
    assertThat(only("dup_line_char_frac", lineChars - 1e-9).apply(doc(text)).reason())
        .isEqualTo("gopher_repetition:dup_line_char_frac");
    String paras = uniqueLine(0) + "\n\n" + uniqueLine(1) + "\n\n" + uniqueLine(0);
    assertThat(only("dup_para_char_frac", 0.3).apply(doc(paras)).reason()).isEqualTo("gopher_repetition:dup_para_char_frac");
  }

  @Test
  void topNgramCountsOnlyRepeatedNgrams() {
    LongCounter c = new LongCounter();
    // "a b" twice: 3 chars (joined by a space) x 2
    assertThat(GopherRepetitionFilter.topNgramChars(GopherRepetitionFilter.TokenHashes.of("a b a b c"), 2, c)).isEqualTo(6);
    assertThat(GopherRepetitionFilter.topNgramChars(GopherRepetitionFilter.TokenHashes.of("hello world"), 2, c)).isZero();
    // "x yy" and "zzzz q" both occur twice: the tie goes to the longer, 6 chars x 2
    assertThat(GopherRepetitionFilter.topNgramChars(GopherRepetitionFilter.TokenHashes.of("x yy x yy zzzz q zzzz q"), 2, c))
        .isEqualTo(12);
  }

  @Test
  void duplicateNgramScanSkipsPastEachRepeat() {
    LongCounter c = new LongCounter();
    assertThat(GopherRepetitionFilter.duplicateNgramChars(GopherRepetitionFilter.TokenHashes.of("a b c d e a b c d e"), 5, c))
        .isEqualTo(5);
    // 6 copies of a 5-gram: the 2nd..6th each count once, without overlaps
    assertThat(GopherRepetitionFilter.duplicateNgramChars(GopherRepetitionFilter.TokenHashes.of("a b c d e ".repeat(6)), 5, c))
        .isEqualTo(25);
    assertThat(GopherRepetitionFilter.duplicateNgramChars(GopherRepetitionFilter.TokenHashes.of("a b c"), 5, c)).isZero();
  }

  @ParameterizedTest(name = "{0} limit {1} -> {2}")
  @CsvSource({
      "top_2gram, 0.67, ''",
      "top_2gram, 0.66, gopher_repetition:top_2gram",
      "top_3gram, 0.1, ''",
      "dup_5gram, 0.27, ''",
      "dup_5gram, 0.26, gopher_repetition:dup_5gram",
      "dup_10gram, 0.0, ''"})
  void ngramRulesBothSidesOfThreshold(String rule, double limit, String reason) {
    String text = rule.startsWith("top") ? "a b a b c" : "a b c d e a b c d e"; // 6/9 = 0.667; 5/19 = 0.263
    assertThat(only(rule, limit).apply(doc(text)).reason()).isEqualTo(reason.isEmpty() ? null : reason);
  }

  @Test
  void chineseRepetitionUsesWords() {
    String zh = "自然语言处理是计算机科学领域与人工智能领域中的一个重要方向。";
    assertThat(DEFAULTS.apply(doc(zh)).reason()).isNull();
    assertThat(DEFAULTS.apply(doc((zh + "\n").repeat(3))).reason()).isEqualTo("gopher_repetition:dup_line_frac");
  }

  @Test
  void hashedNgramCountsEqualCountsOfTheNgramStrings() {
    // Few distinct tokens, so n-grams repeat and partly overlap; the hashed scans must see
    // exactly the repeats that comparing the joined token strings sees.
    String[] vocabulary = {"a", "b", "cc", "ddd", ",", "the", "é", "北京"};
    Random random = new Random(7);
    LongCounter c = new LongCounter();
    for (int round = 0; round < 300; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = 0, n = random.nextInt(80); i < n; i++) {
        text.append(vocabulary[random.nextInt(1 + round % vocabulary.length)]).append(' ');
      }
      String s = text.toString();
      List<String> tokens = new WordSegmenter().tokens(s);
      GopherRepetitionFilter.TokenHashes hashed = GopherRepetitionFilter.TokenHashes.of(s);
      for (int n = 2; n <= 4; n++) {
        assertThat(GopherRepetitionFilter.topNgramChars(hashed, n, c)).as("top %d-gram of '%s'", n, s)
            .isEqualTo(naiveTopNgramChars(tokens, n));
      }
      for (int n = 5; n <= 10; n++) {
        assertThat(GopherRepetitionFilter.duplicateNgramChars(hashed, n, c)).as("dup %d-gram of '%s'", n, s)
            .isEqualTo(naiveDuplicateNgramChars(tokens, n));
      }
    }
  }

  private static long naiveTopNgramChars(List<String> tokens, int n) {
    Map<String, Integer> counts = new HashMap<>();
    int bestCount = 1;
    long bestChars = 0;
    for (int i = 0; i + n <= tokens.size(); i++) {
      String gram = String.join(" ", tokens.subList(i, i + n));
      int count = counts.merge(gram, 1, Integer::sum);
      if (count > bestCount || (count == bestCount && count > 1 && gram.length() > bestChars)) {
        bestCount = count;
        bestChars = gram.length();
      }
    }
    return bestCount > 1 ? bestChars * bestCount : 0;
  }

  private static long naiveDuplicateNgramChars(List<String> tokens, int n) {
    Map<String, Integer> seen = new HashMap<>();
    long chars = 0;
    int i = 0;
    while (i + n <= tokens.size()) {
      List<String> gram = tokens.subList(i, i + n);
      if (seen.merge(String.join("\u0000", gram), 1, Integer::sum) > 1) {
        chars += String.join("", gram).length();
        i += n;
      } else {
        i++;
      }
    }
    return chars;
  }
}
