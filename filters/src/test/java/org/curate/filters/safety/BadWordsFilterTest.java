package org.curate.filters.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.curate.core.Document;
import org.curate.core.DocumentStep;
import org.curate.core.Outcome;
import org.curate.filters.FilterRegistry;
import org.junit.jupiter.api.Test;

class BadWordsFilterTest {
  private static final FilterRegistry REGISTRY = new FilterRegistry();
  private static final String DIR = TestLists.path("words");

  private static DocumentStep filter(Map<String, Object> extra) {
    Map<String, Object> params = new java.util.HashMap<>(Map.of("lists_dir", DIR));
    params.putAll(extra);
    return REGISTRY.create("bad_words", params);
  }

  private static Document doc(String lang, String text) {
    return new Document("d", null, lang, null, null, text, null);
  }

  private static WordListMatcher.Result words(String text, String... entries) {
    return new WordListMatcher(List.of(entries), false).measure(text, false);
  }

  @Test
  void wordModeRespectsWordBoundaries() {
    assertThat(words("a first class pass, assorted bass", "ass").occurrences()).isZero();
    assertThat(words("Scunthorpe United", "cunt").occurrences()).isZero();
    assertThat(words("You ASS!", "ass").occurrences()).isEqualTo(1);
    assertThat(words("ass", "ass").occurrences()).isEqualTo(1);
    assertThat(words("(ass)", "ass").occurrences()).isEqualTo(1);
    assertThat(words("ass_hat", "ass").occurrences()).as("underscore is a word char, as in \\w").isZero();
    assertThat(words("damnéd", "damn").occurrences()).as("accented letters are word chars").isZero();
  }

  @Test
  void multiWordEntriesMatchAcrossSpacesAndCountTheirWords() {
    WordListMatcher.Result r = words("Did you see Two Girls One Cup today", "two girls one cup");
    assertThat(r.occurrences()).isEqualTo(1);
    assertThat(r.coveredUnits()).isEqualTo(4);
    assertThat(r.totalUnits()).isEqualTo(8);
    assertThat(r.ratio()).isEqualTo(0.5);
    assertThat(words("two girls one cupcake", "two girls one cup").occurrences()).isZero();
  }

  @Test
  void overlappingEntriesDoNotCountAWordTwiceInTheRatio() {
    WordListMatcher.Result r = words("big ass hat", "big ass", "ass");
    assertThat(r.occurrences()).isEqualTo(2);
    assertThat(r.coveredUnits()).isEqualTo(2);
  }

  @Test
  void substringModeMatchesCjkWithoutBoundaries() {
    WordListMatcher cjk = new WordListMatcher(List.of("坏词"), true);
    WordListMatcher.Result r = cjk.measure("这是坏词。又一个坏词", false);
    assertThat(r.occurrences()).isEqualTo(2);
    assertThat(r.coveredUnits()).isEqualTo(4);
    assertThat(r.totalUnits()).isEqualTo(10);
    // the same list in word mode would never fire inside an unsegmented sentence
    assertThat(new WordListMatcher(List.of("坏词"), false).measure("这是坏词。", false).occurrences()).isZero();
  }

  @Test
  void ratioModeKeepsAStrayWordAndDropsAHighRatio() {
    DocumentStep f = filter(Map.of());
    String text = "damn " + "word ".repeat(49); // 1 in 50 = 0.02 <= 0.045
    Outcome<Document> kept = f.apply(doc("en", text));
    assertThat(kept.isKept()).isTrue();
    Document d = ((Outcome.Kept<Document>) kept).value();
    assertThat(d.tags()).containsEntry("bad_words.count", 1.0).containsEntry("bad_words.ratio", 0.02);

    Outcome<Document> dropped = f.apply(doc("en", "damn ass " + "word ".repeat(18))); // 2/20 = 0.1
    assertThat(dropped.reason()).isEqualTo("bad_words:ratio");
    assertThat(((Outcome.Dropped<Document>) dropped).value().tags()).containsEntry("bad_words.ratio", 0.1);
  }

  @Test
  void strictModeDropsOnAnyMatch() {
    DocumentStep strict = filter(Map.of("strict", true));
    assertThat(strict.apply(doc("en", "damn " + "word ".repeat(200))).reason()).isEqualTo("bad_words:any");
    assertThat(strict.apply(doc("en", "a classy assortment")).isKept()).isTrue();
  }

  @Test
  void documentLanguagePicksTheListWithFallbacks() {
    DocumentStep strict = filter(Map.of("strict", "true"));
    assertThat(strict.apply(doc("de", "so ein Mist")).reason()).isEqualTo("bad_words:any");
    assertThat(strict.apply(doc("de-AT", "so ein Mist")).reason()).isEqualTo("bad_words:any");
    assertThat(strict.apply(doc("en", "so ein Mist")).isKept()).isTrue();
    assertThat(strict.apply(doc("de", "damn")).isKept()).as("German list, not English").isTrue();
    assertThat(strict.apply(doc(null, "damn")).reason()).as("no lang: default en").isEqualTo("bad_words:any");
    assertThat(strict.apply(doc("xx", "damn")).reason()).as("no list: default en").isEqualTo("bad_words:any");
    assertThat(strict.apply(doc("zh", "这是坏词")).reason()).isEqualTo("bad_words:any");
    assertThat(strict.apply(doc("zh-Hans", "这是坏词")).reason()).isEqualTo("bad_words:any");
  }

  @Test
  void emptyTextIsKeptWithZeroRatio() {
    Outcome<Document> out = filter(Map.of()).apply(doc("en", ""));
    assertThat(out.isKept()).isTrue();
    assertThat(((Outcome.Kept<Document>) out).value().tags()).containsEntry("bad_words.ratio", 0.0);
  }

  @Test
  void explicitListsOverrideAndConfigErrorsSaySo() {
    DocumentStep f = REGISTRY.create("bad_words", Map.of("lists", List.of("en=" + TestLists.path("words/de")),
        "strict", true));
    assertThat(f.apply(doc("en", "Mist")).reason()).isEqualTo("bad_words:any");
    assertThatThrownBy(() -> REGISTRY.create("bad_words", Map.of("lists_dir", DIR, "default_lang", "fr")))
        .hasMessageContaining("no word list for default_lang 'fr'");
    assertThatThrownBy(() -> REGISTRY.create("bad_words", Map.of())).hasMessageContaining("lists_dir or lists");
    assertThatThrownBy(() -> REGISTRY.create("bad_words", Map.of("lists_dir", DIR, "max_ratio", 2)))
        .hasMessageContaining("max_ratio");
  }
}
