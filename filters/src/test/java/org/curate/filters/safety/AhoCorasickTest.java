package org.curate.filters.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AhoCorasickTest {
  private static List<String> matches(AhoCorasick ac, String text) {
    List<String> out = new ArrayList<>();
    ac.scan(text, (start, end, id) -> {
      assertThat(text.substring(start, end)).isEqualTo(ac.pattern(id));
      out.add(start + ":" + ac.pattern(id));
      return true;
    });
    return out;
  }

  @Test
  void findsOverlappingAndNestedPatterns() {
    AhoCorasick ac = new AhoCorasick(List.of("he", "she", "his", "hers"));
    assertThat(matches(ac, "ushers")).containsExactly("1:she", "2:he", "2:hers");
    assertThat(matches(ac, "ahishers")).containsExactly("1:his", "3:she", "4:he", "4:hers");
  }

  @Test
  void followsFailLinksAcrossPartialMatches() {
    AhoCorasick ac = new AhoCorasick(List.of("abcd", "bce", "c"));
    assertThat(matches(ac, "abce")).containsExactly("2:c", "1:bce");
  }

  @Test
  void handlesNonLatinTextEmptyInputAndDuplicates() {
    AhoCorasick ac = new AhoCorasick(List.of("坏词", "坏词", "", "😀x"));
    assertThat(ac.patternCount()).isEqualTo(2);
    assertThat(matches(ac, "这是坏词和😀x")).containsExactly("2:坏词", "5:😀x");
    assertThat(ac.containsAny("")).isFalse();
    assertThat(new AhoCorasick(List.of()).containsAny("anything")).isFalse();
  }
}
