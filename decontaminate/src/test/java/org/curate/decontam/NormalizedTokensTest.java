package org.curate.decontam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.curate.filters.text.WordSegmenter;
import org.junit.jupiter.api.Test;

/** The Latin fast path gives exactly the words ICU's word iterator gives. */
class NormalizedTokensTest {

  /** Words (start-end offsets) as ICU's segmenter gives them, keeping those with something left after normalisation. */
  private static List<String> icuWords(String text) {
    List<String> out = new ArrayList<>();
    new WordSegmenter().forEachToken(text, (s, e, isWord) -> {
      if (isWord && NormalizedTokens.hashWord(text, s, e) != 0) {
        out.add(s + "-" + e);
      }
    });
    return out;
  }

  private static List<String> fastWords(String text) {
    List<String> out = new ArrayList<>();
    LatinWords.forEachWord(text, (s, e) -> {
      if (NormalizedTokens.hashWord(text, s, e) != 0) {
        out.add(s + "-" + e);
      }
    });
    return out;
  }

  @Test
  void edgeCasesMatchIcu() {
    List<String> samples = List.of("don't won’t U.S. e.g. 3.14 3,000,000.50 1;2 a:b a·b 2:30 x1 1x a_b __ _a 3_000",
        "co\u00ADop naïve cafe\u0301 \u0301lone 'quoted' end. 12. .5 a..b 1..2 a.1 1.a a'1 1'2 1'a",
        "Hello,world!a-b a–b ‘single’ “double” … $5 €3 ™ → x→y 10% #tag @user me@example.com http://x.org/a?b=c",
        "tab\there\nnew line\r\nwindows  double  space ÷ × ¼ ² µ ª º ß ÿ Ā ǅ ɏ",
        "def f(x):\n    return x**2 + y_1 # comment\n\"\"\"doc\"\"\" <<48/2=24>> $\\frac{1}{2}$ \\boxed{42}");
    for (String s : samples) {
      assertThat(LatinWords.covers(s)).as(s).isTrue();
      assertThat(fastWords(s)).as(s).isEqualTo(icuWords(s));
    }
    assertThat(LatinWords.covers("中文")).isFalse();
    assertThat(LatinWords.covers("Привет")).isFalse();
  }

  @Test
  void realBenchmarkAndWebTextMatchIcu() throws IOException {
    List<String> texts = new ArrayList<>();
    for (Benchmark b : SharedBenchmarks.benchmarks()) {
      for (int i = 0; i < b.items().size(); i += 3) {
        texts.addAll(b.items().get(i).segments());
      }
    }
    Path truth = SharedBenchmarks.sharedData().resolve("extraction-dev/aeb/truth");
    try (Stream<Path> files = Files.list(truth)) {
      for (Path f : files.sorted().toList()) {
        texts.add(new ObjectMapper().readTree(f.toFile()).path("articleBody").asText());
      }
    }
    int covered = 0;
    for (String t : texts) {
      if (LatinWords.covers(t)) {
        covered++;
        assertThat(fastWords(t)).as(t).isEqualTo(icuWords(t));
      }
    }
    // Nearly all of it takes the fast path (the rest, e.g. text with emoji or Greek letters, goes through ICU).
    assertThat(covered).isGreaterThan(texts.size() * 9 / 10);
  }
}
