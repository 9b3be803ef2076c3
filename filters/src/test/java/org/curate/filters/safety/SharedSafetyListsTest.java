package org.curate.filters.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.curate.core.Document;
import org.curate.core.DocumentStep;
import org.curate.filters.FilterRegistry;
import org.junit.jupiter.api.Test;

/**
 * Loads the real third-party lists from the shared data folder (never copied into the repo) and
 * checks a few obvious cases. Skipped when {@code -Dcurate.shared.data} does not lead to them.
 */
class SharedSafetyListsTest {
  private static final FilterRegistry REGISTRY = new FilterRegistry();

  private static String reason(DocumentStep step, String url) {
    return step.apply(Document.of("d", url, "text")).reason();
  }

  @Test
  void ut1AdultUrlsAndExpressionsLoadAndFire() {
    Path ut1 = TestLists.sharedSafety().resolve("ut1-adult");
    UrlPrefixList urls = UrlPrefixList.load(List.of(ut1.resolve("urls")));
    assertThat(urls.size()).isGreaterThan(1000);
    assertThat(urls.rejectedEntries()).isZero();
    assertThat(UrlExpressions.load(List.of(ut1.resolve("expressions"))).size()).isZero();
    assertThat(UrlExpressions.load(List.of(ut1.resolve("very_restrictive_expression"))).size()).isEqualTo(2);

    DocumentStep f = REGISTRY.create("url_blocklist", Map.of(
        "urls", ut1.resolve("urls").toString(),
        "expressions", List.of(ut1.resolve("expressions").toString(), ut1.resolve("very_restrictive_expression").toString())));
    assertThat(reason(f, "https://www.6austria.com/main_page")).isEqualTo("url_blocklist:url");
    assertThat(reason(f, "https://1banglaxxx.com/en/some-page")).isEqualTo("url_blocklist:url");
    assertThat(reason(f, "http://example.org/free-porn-videos")).isEqualTo("url_blocklist:expression");
    assertThat(reason(f, "https://en.wikipedia.org/wiki/Java_(programming_language)")).isNull();
    assertThat(reason(f, "https://www.bbc.co.uk/news/world")).isNull();
  }

  @Test
  void datatroveUrlWordListsLoadAndFire() {
    Path dt = TestLists.sharedSafety().resolve("datatrove-url-words");
    DocumentStep f = REGISTRY.create("url_blocklist", Map.of(
        "banned_words", dt.resolve("banned_words.txt").toString(),
        "soft_banned_words", dt.resolve("soft_banned_words.txt").toString(),
        "banned_subwords", dt.resolve("banned_subwords.txt").toString()));
    assertThat(reason(f, "https://example.com/porn/video-1")).isEqualTo("url_blocklist:banned_word");
    assertThat(reason(f, "https://example.com/sex/fuck")).isEqualTo("url_blocklist:soft_banned_words");
    assertThat(reason(f, "https://example.com/sex-education")).isNull();
    assertThat(reason(f, "https://example.com/watch-2-girls-1-cup")).isEqualTo("url_blocklist:banned_subword");
    assertThat(reason(f, "https://docs.oracle.com/javase/17/docs/api/")).isNull();
  }

  @Test
  void everyLdnoobwListLoadsAndCatchesItsOwnFirstEntry() {
    Path dir = TestLists.sharedSafety().resolve("ldnoobw");
    Map<String, Path> files = BadWordsFilterFactory.languageFiles(dir);
    assertThat(files).containsKeys("en", "de", "fr", "ja", "zh", "th", "fr-CA-u-sd-caqc").doesNotContainKeys("README.md", "LICENSE");
    DocumentStep strict = REGISTRY.create("bad_words", Map.of("lists_dir", dir.toString(), "strict", true));
    files.forEach((lang, path) -> {
      List<String> entries = ListFiles.entries(List.of(path));
      assertThat(entries).as(lang).isNotEmpty();
      String first = entries.get(0);
      String text = List.of("ja", "th", "zh").contains(lang) ? "前文" + first + "後文" : "before " + first + " after.";
      assertThat(strict.apply(new Document("d", null, lang, null, null, text, null)).reason())
          .as(lang + ": " + first).isEqualTo("bad_words:any");
    });
    // the C4-pinned English list loads too, through an explicit lang=path item
    assertThat(ListFiles.entries(List.of(dir.resolve("en.c4-25e679f")))).hasSizeGreaterThan(300);
  }

  @Test
  void englishLdnoobwKeepsScunthorpeAndClassesButCatchesTheObvious() {
    Path dir = TestLists.sharedSafety().resolve("ldnoobw");
    DocumentStep strict = REGISTRY.create("bad_words", Map.of("lists_dir", dir.toString(), "strict", true));
    DocumentStep ratio = REGISTRY.create("bad_words", Map.of("lists_dir", dir.toString()));
    Document clean = new Document("d", null, "en", null, null,
        "Scunthorpe United won the match. The class assessed the bass cocktail passage in Essex.", null);
    assertThat(strict.apply(clean).isKept()).isTrue();
    Document swear = new Document("d", null, "en", null, null, "What the fuck is this?", null);
    assertThat(strict.apply(swear).reason()).isEqualTo("bad_words:any");
    assertThat(ratio.apply(swear).reason()).as("1 of 5 words").isEqualTo("bad_words:ratio");
    Document longer = new Document("d", null, "en", null, null, "What the fuck. " + "A long calm text. ".repeat(20), null);
    assertThat(ratio.apply(longer).isKept()).isTrue();
  }
}
