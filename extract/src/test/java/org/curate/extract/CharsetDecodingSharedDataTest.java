package org.curate.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Real non-UTF-8 pages decode without mojibake; phrases were read off the pages by hand once. */
class CharsetDecodingSharedDataTest {
  private static final String REPLACEMENT = "\uFFFD";

  @Test
  void commonCrawlSampleDecodesChineseRussianAndGerman() {
    ExtractionTally tally = ExtractionTally.of(SharedData.warc("commoncrawl/resiliparse__warcfile.warc.gz"));

    ExtractedPage chinese = tally.page("0760.jxtdw.com");
    assertThat(chinese.charset()).isEqualTo("GBK");
    assertThat(chinese.title() + chinese.text()).contains("中山").doesNotContain(REPLACEMENT);

    ExtractedPage russian = tally.page("01spb.ru");
    assertThat(russian.charset()).isEqualTo("windows-1251");
    assertThat(russian.title()).contains("Стратегия пожарной безопасности");
    assertThat(russian.text()).contains("услуги пожарной безопасности").doesNotContain(REPLACEMENT);

    ExtractedPage german = tally.page("live-radsport.ch/tippspiel");
    assertThat(german.charset()).isEqualTo("windows-1252");
    assertThat(german.text()).contains("Spiel-Übersicht").doesNotContain(REPLACEMENT);
  }

  @Test
  void clueWebDecodesEucJp() {
    List<ExtractedPage> pages = ExtractionTally.of(SharedData.warc("clueweb/resiliparse__clueweb-quirk.warc.gz")).kept();
    assertThat(pages).hasSize(29).allSatisfy(page -> {
      assertThat(page.charset()).isEqualTo("EUC-JP");
      assertThat(page.title() + "\n" + page.text()).containsPattern("[\\p{IsHiragana}\\p{IsKatakana}]{2}")
          .doesNotContain(REPLACEMENT);
    });
  }

  @Test
  void big5SolarisLabelFallsBackToBig5() {
    List<ExtractedPage> pages =
        ExtractionTally.of(SharedData.warc("edge-cases/jwat__invalid-warcfile-encoding-headers.warc.gz")).kept();
    assertThat(pages).hasSize(2).allSatisfy(page -> {
      assertThat(page.charset()).startsWith("Big5");
      assertThat(page.title()).contains("中國信託");
    });
  }

  @Test
  void wetConversionIsKeptWithItsLanguage() {
    ExtractedPage page = ExtractionTally.of(SharedData.warc("commoncrawl/whirlwind__whirlwind.warc.wet.gz")).kept().get(0);
    assertThat(page.httpStatus()).isEqualTo(-1);
    assertThat(page.lang()).isEqualTo("spa");
    assertThat(page.text()).contains("Escopete");
    assertThat(page.extractionMode()).isEqualTo(org.curate.extract.html.ExtractionMode.PLAIN_TEXT);
  }
}
