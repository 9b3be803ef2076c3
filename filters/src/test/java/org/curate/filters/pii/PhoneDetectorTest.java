package org.curate.filters.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PhoneDetectorTest {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private final PhoneDetector detector = new PhoneDetector();

  /** What the detector found before windowing: both passes over the whole text. */
  private static List<PiiSpan> wholeText(String text, String lang) {
    List<PiiSpan> out = new ArrayList<>();
    if (!PhoneDetector.hasDigits(text, PhoneLookalikes.MIN_DIGITS)) {
      return out;
    }
    for (PhoneNumberMatch m : UTIL.findNumbers(text, PhoneRegion.forLanguage(lang), PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
      if (!PhoneLookalikes.rejected(text, m.start(), m.end())) {
        out.add(new PiiSpan(PiiType.PHONE, m.start(), m.end()));
      }
    }
    new PhoneInContext().find(text, new int[] {0, text.length()}, out, 0);
    return out;
  }

  private List<PiiSpan> windowed(String text, String lang) {
    List<PiiSpan> out = new ArrayList<>();
    detector.find(text, lang, out);
    return out;
  }

  @Test
  void windowsFindWhatAWholeTextRunFindsOnTheLabelledSetsJoinedIntoLongTexts() throws Exception {
    Path shared = PresidioSet.sharedData();
    assumeTrue(shared != null, "shared data folder with pii-eval/presidio-research not found");
    int texts = 0;
    int phones = 0;
    for (PresidioSet set : PresidioSet.loadAll(shared)) {
      List<PresidioSet.Sample> samples = set.samples();
      // 12 sentences per text, joined by a space or a newline, so numbers sit at every distance
      // from each other and from window edges.
      for (int from = 0; from < samples.size(); from += 12) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < Math.min(samples.size(), from + 12); i++) {
          b.append(samples.get(i).text()).append(i % 3 == 0 ? "\n" : " ");
        }
        String text = b.toString();
        for (String lang : new String[] {"en", "de"}) {
          List<PiiSpan> expected = wholeText(text, lang);
          assertThat(windowed(text, lang)).as("%s text %d lang %s", set.name(), from, lang).isEqualTo(expected);
          phones += expected.size();
        }
        texts++;
      }
    }
    assertThat(texts).isGreaterThan(100);
    assertThat(phones).isGreaterThan(100);
  }

  @Test
  void windowsFindWhatAWholeTextRunFindsOnDigitHeavyGeneratedText() {
    String[] pieces = {"+1 (415) 555-0132", "030 1234567", "+49 30 901820", "(212) 555-0199 ext. 42", "2024-05-17",
        "Order 88123771", "call 0800 123 4567", "$1,299.00", "ISBN 978-3-16-148410-0", "v1.2.3.4", "+44 20 7946 0958",
        "tel:+33142685300", "12:30", "№ 5551234", "٠١٢٣٤٥٦٧٨٩", "page 12 of 40", "fax: 212.555.0100", "Phone: 0490 75 40 81",
        "call 467 3395", "(37) 788-063 office", "22 498317 fax", "12 34", "mobile", "ISBN 0 306 40615 2"};
    Random random = new Random(11);
    for (int round = 0; round < 150; round++) {
      StringBuilder b = new StringBuilder();
      for (int k = random.nextInt(12); k >= 0; k--) {
        b.append(pieces[random.nextInt(pieces.length)]);
        int filler = random.nextInt(60);
        for (int f = 0; f < filler; f++) {
          b.append(random.nextInt(7) == 0 ? ' ' : (char) ('a' + random.nextInt(26)));
        }
        b.append(random.nextBoolean() ? " " : "\n");
      }
      String text = b.toString();
      assertThat(windowed(text, "en")).as(text).isEqualTo(wholeText(text, "en"));
    }
  }

  @Test
  void windowsCoverDigitClustersWithContextAndMerge() {
    String text = "x".repeat(100) + "555 0132 77" + "y".repeat(100) + "12" + "z".repeat(10) + "34567";
    int[] w = DigitWindows.of(text, 7);
    assertThat(w).containsExactly(100 - DigitWindows.CONTEXT, 111 + DigitWindows.CONTEXT,
        211 - DigitWindows.CONTEXT, text.length());
    assertThat(DigitWindows.of("no digits at all", 7)).isEmpty();
    assertThat(DigitWindows.of("12 34 5", 7)).isEmpty();
  }
}
