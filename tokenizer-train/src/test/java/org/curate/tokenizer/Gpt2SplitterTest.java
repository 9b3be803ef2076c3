package org.curate.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class Gpt2SplitterTest {
  /** The oracle: GPT-2's pattern run by java.util.regex with Unicode classes. */
  private static List<String> regexSplit(String text) {
    Matcher m = Pattern.compile(Gpt2Splitter.PATTERN, Pattern.UNICODE_CHARACTER_CLASS).matcher(text);
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  @Test
  void knownSplits() {
    assertThat(new Gpt2Splitter().splitToList("Hello world, it's 2024!  Ok\n\nbye "))
        .containsExactly("Hello", " world", ",", " it", "'s", " 2024", "!", " ", " Ok", "\n", "\n", "bye", " ");
    assertThat(new Gpt2Splitter().splitToList("I'll   go\u00A0now")).containsExactly("I", "'ll", "  ", " go", "\u00A0", "now");
  }

  @Test
  void matchesTheRegexOnVariedText() {
    Gpt2Splitter splitter = new Gpt2Splitter();
    List<String> texts = new ArrayList<>(TestCorpus.generated(300, 7));
    texts.addAll(TestCorpus.randomUnicode(500, 11, false));
    texts.addAll(List.of("", " ", "  ", "'", "''s", " 's", "a'S", "\t\t a", " \n x", "x  ", "\u2028\u2028y", "١٢٣ ½ Ⅻ"));
    for (String t : texts) {
      assertThat(splitter.splitToList(t)).as("split of %s", t).isEqualTo(regexSplit(t));
      assertThat(String.join("", splitter.splitToList(t))).isEqualTo(t);
    }
  }
}
