package org.curate.filters.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.curate.filters.quality.SampleTexts.doc;
import static org.curate.filters.quality.SampleTexts.params;
import static org.curate.filters.quality.SampleTexts.words;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.curate.core.Document;
import org.curate.core.Outcome;
import org.curate.filters.FilterParams;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class GopherQualityFilterTest {
  private static final GopherQualityFilter DEFAULTS = new GopherQualityFilter(FilterParams.empty("gopher_quality"));

  /** {@code n} lines of five words; the first {@code marked} get {@code prefix} and {@code suffix}. */
  static String lines(int n, int marked, String prefix, String suffix) {
    return IntStream.range(0, n).mapToObj(i -> (i < marked ? prefix : "") + words(5) + (i < marked ? suffix : ""))
        .collect(Collectors.joining("\n"));
  }

  static Stream<Arguments> thresholds() {
    String fillerOnly = IntStream.range(0, 50).mapToObj(i -> SampleTexts.FILLER[i % 10]).collect(Collectors.joining(" "));
    return Stream.of(
        Arguments.of("empty", "", "gopher_quality:word_count_low"),
        Arguments.of("49 words", words(49), "gopher_quality:word_count_low"),
        Arguments.of("50 words", words(50), null),
        Arguments.of("mean length exactly 3", "the and" + " cat".repeat(48), null),
        Arguments.of("mean length 2.98", "the and" + " cat".repeat(47) + " ca", "gopher_quality:mean_word_length"),
        Arguments.of("mean length 10.5", "the and" + " extraordinarily".repeat(48), "gopher_quality:mean_word_length"),
        Arguments.of("5 # in 55 tokens", words(50) + " #".repeat(5), null),
        Arguments.of("6 # in 56 tokens", words(50) + " #".repeat(6), "gopher_quality:hash_ratio"),
        Arguments.of("5 … in 55 tokens", "… ".repeat(5) + words(50), null),
        Arguments.of("6 … in 56 tokens", "… ".repeat(6) + words(50), "gopher_quality:ellipsis_ratio"),
        // ICU makes "..." three tokens (NLTK one): six of them are 6/68 for the ratio; punctuation does not lower alpha_words.
        Arguments.of("6 ... are 18 tokens", "... ".repeat(6) + words(50), null),
        Arguments.of("8 ... in 74 tokens", "... ".repeat(8) + words(50), "gopher_quality:ellipsis_ratio"),
        Arguments.of("9 of 10 lines bulleted", lines(10, 9, "• ", ""), null),
        Arguments.of("10 of 10 lines bulleted", lines(10, 10, "• ", ""), "gopher_quality:bullet_lines"),
        Arguments.of("3 of 10 lines end in …", lines(10, 3, "", " …"), null),
        Arguments.of("4 of 10 lines end in ...", lines(10, 4, "", "..."), "gopher_quality:ellipsis_lines"),
        Arguments.of("12 numbers in 62 words", words(50) + " 123".repeat(12), null),
        Arguments.of("13 numbers in 63 words", words(50) + " 123".repeat(13), "gopher_quality:alpha_words"),
        Arguments.of("no stop words", fillerOnly, "gopher_quality:stop_words"),
        Arguments.of("one distinct stop word twice", "the " + fillerOnly + " THE", "gopher_quality:stop_words"),
        Arguments.of("punctuation is not a non-alpha word", words(50) + " ,".repeat(40), null),
        Arguments.of("two distinct stop words", "The " + fillerOnly + " with", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("thresholds")
  void reasonAtEachThreshold(String name, String text, String reason) {
    assertThat(DEFAULTS.apply(doc(text)).reason()).isEqualTo(reason);
  }

  @Test
  void maxWordsAndStopWordCountingAreParameters() {
    GopherQualityFilter f = new GopherQualityFilter(params("gopher_quality", "max_doc_words", 60, "stop_words_count", "occurrences"));
    assertThat(f.apply(doc(words(60))).reason()).isNull();
    assertThat(f.apply(doc(words(61))).reason()).isEqualTo("gopher_quality:word_count_high");
    String filler = IntStream.range(0, 50).mapToObj(i -> SampleTexts.FILLER[i % 10]).collect(Collectors.joining(" "));
    assertThat(f.apply(doc("the " + filler + " the")).reason()).isNull();
  }

  @Test
  void stopWordRuleSkippedForOtherLanguagesAndCustomListUsed() {
    String filler = IntStream.range(0, 50).mapToObj(i -> SampleTexts.FILLER[i % 10]).collect(Collectors.joining(" "));
    assertThat(DEFAULTS.apply(doc(filler).withLang("de", 0.9)).reason()).isNull();
    assertThat(DEFAULTS.apply(doc(filler).withLang("en", 0.9)).reason()).isEqualTo("gopher_quality:stop_words");
    GopherQualityFilter custom = new GopherQualityFilter(params("gopher_quality", "stop_words", "fox,dog"));
    assertThat(custom.apply(doc(filler)).reason()).isNull();
  }

  @Test
  void dropCarriesMeasuresAndDetail() {
    Outcome<Document> o = DEFAULTS.apply(doc(words(49)));
    Outcome.Dropped<Document> d = (Outcome.Dropped<Document>) o;
    assertThat(d.detail()).isEqualTo("word_count=49 limit=50");
    assertThat(d.value().tags()).containsEntry("gopher_quality.word_count", 49.0).containsKey("gopher_quality.alpha_words");
    assertThat(SampleTexts.kept(DEFAULTS.apply(doc(words(50)))).value().tags()).containsEntry("gopher_quality.stop_words", 2.0);
  }

  @Test
  void chineseAndJapaneseCountWordsNotCharactersOrLines() {
    String zh = "自然语言处理是计算机科学领域与人工智能领域中的一个重要方向。它研究能实现人与计算机之间用自然语言进行有效通信的各种理论和方法。";
    Document d = ((Outcome.Dropped<Document>) DEFAULTS.apply(doc(zh).withLang("zh", 1.0))).value();
    assertThat(d.tags().get("gopher_quality.word_count")).isBetween(20.0, 50.0);
    String ja = "日本語の文章を単語に分割するのは簡単ではありません。東京都は日本の首都です。";
    Document j = ((Outcome.Dropped<Document>) DEFAULTS.apply(doc(ja).withLang("ja", 1.0))).value();
    assertThat(j.tags().get("gopher_quality.word_count")).isBetween(12.0, 30.0);
  }
}
