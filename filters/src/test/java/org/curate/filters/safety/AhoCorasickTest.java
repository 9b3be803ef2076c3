package org.curate.filters.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

  @Test
  void transitionTableFindsWhatTheFailChainWalkFinds() {
    // Small alphabets make deep partial matches and long fail chains; the last chars are in no pattern.
    String alphabet = "abcab\u00e9\u5f3a\ud83d\ude00 xyz";
    Random random = new Random(42);
    for (int round = 0; round < 200; round++) {
      List<String> patterns = new ArrayList<>();
      for (int p = 0; p < 1 + random.nextInt(12); p++) {
        patterns.add(randomText(random, alphabet.substring(0, 10), 1 + random.nextInt(5)));
      }
      AhoCorasick table = new AhoCorasick(patterns);
      AhoCorasick walk = new AhoCorasick(patterns, 0);
      for (int t = 0; t < 5; t++) {
        String text = randomText(random, alphabet, random.nextInt(60));
        assertThat(matches(table, text)).isEqualTo(matches(walk, text));
      }
    }
  }

  private static String randomText(Random random, String alphabet, int length) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
