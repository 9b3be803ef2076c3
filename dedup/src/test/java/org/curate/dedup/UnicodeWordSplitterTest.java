package org.curate.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnicodeWordSplitterTest {
  private static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    new UnicodeWordSplitter().split(text, (t, s, e) -> out.add(t.subSequence(s, e).toString()));
    return out;
  }

  @Test
  void splitsOnSpacesAndPunctuation() {
    assertThat(words("the quick, brown fox")).containsExactly("the", "quick", "brown", "fox");
    assertThat(words("")).isEmpty();
  }

  @Test
  void unspacedScriptsFallBackToCharacters() {
    assertThat(words("東京 abc 都")).containsExactly("東", "京", "abc", "都");
    assertThat(words("สวัสดี")).hasSize(6);
    assertThat(words("x東y")).containsExactly("x", "東", "y");
  }
}
