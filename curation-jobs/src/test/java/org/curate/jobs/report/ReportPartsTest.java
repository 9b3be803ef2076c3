package org.curate.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The pure parts of the report: escaping, histogram binning, seeded sampling, CSV quoting. */
class ReportPartsTest {

  @Test
  void escapeNeutralisesMarkupInTextAndInQuotedAttributes() {
    assertThat(Html.escape("<script>alert(1)</script>")).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(Html.escape("\" onerror='x' a=\"")).isEqualTo("&quot; onerror=&#39;x&#39; a=&quot;");
    assertThat(Html.escape("AT&T &amp;")).isEqualTo("AT&amp;T &amp;amp;");
    assertThat(Html.escape(null)).isEmpty();
    assertThat(Html.escape("plain text, ünïcödé ✓\nline")).isEqualTo("plain text, ünïcödé ✓\nline");
    assertThat(Html.escape("a\u0000b\u0007c\u007f")).isEqualTo("a\uFFFDb\uFFFDc\uFFFD");
    // Whatever the input, no markup-significant character survives.
    Random random = new Random(7);
    for (int i = 0; i < 2000; i++) {
      StringBuilder s = new StringBuilder();
      for (int j = 0; j < 20; j++) {
        s.append("<>&\"'a =/;#x".charAt(random.nextInt(12)));
      }
      assertThat(Html.escape(s.toString())).doesNotContain("<", ">", "\"", "'").doesNotContainPattern("&(?!amp;|lt;|gt;|quot;|#39;)");
    }
  }

  @Test
  void linearBinningSpreadsTheRangeAndClosesTheLastBin() {
    Histogram.Binning b = Histogram.Binning.of(0.0, 1.0, false, 10, false);
    assertThat(b.bins()).isEqualTo(10);
    assertThat(b.index(0.0)).isZero();
    assertThat(b.index(0.0999)).isZero();
    assertThat(b.index(0.1)).isEqualTo(1);
    assertThat(b.index(0.55)).isEqualTo(5);
    assertThat(b.index(1.0)).isEqualTo(9); // the max belongs to the last bin
    assertThat(b.index(-5)).isZero();
    assertThat(b.index(7)).isEqualTo(9);
    Histogram h = Histogram.of("s", "m", b, 0.0, 1.0, Map.of(0, 3L, 9, 2L), 1);
    assertThat(h.edges()).hasSize(11).startsWith(0.0).endsWith(1.0);
    assertThat(h.edges().get(5)).isEqualTo(0.5);
    assertThat(h.counts()).containsExactly(3L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 2L);
    assertThat(h.count()).isEqualTo(5);
    assertThat(h.nonFinite()).isEqualTo(1);
    assertThat(h.scale()).isEqualTo("linear");
  }

  @Test
  void smallIntegralRangesGetOneBinPerInteger() {
    Histogram.Binning b = Histogram.Binning.of(1, 4, true, 20, false);
    assertThat(b.unit()).isTrue();
    assertThat(b.bins()).isEqualTo(4);
    assertThat(IntStream.rangeClosed(1, 4).map(v -> b.index(v)).toArray()).containsExactly(0, 1, 2, 3);
    Histogram h = Histogram.of("s", "pii.email", b, 1, 4, Map.of(0, 5L, 3, 1L), 0);
    assertThat(h.edges()).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0);
    assertThat(h.scale()).isEqualTo("integer");
    // The same range with fractional values, or a range wider than the bin budget, is linear.
    assertThat(Histogram.Binning.of(1, 4, false, 20, false).bins()).isEqualTo(20);
    assertThat(Histogram.Binning.of(0, 100, true, 20, false).unit()).isFalse();
  }

  @Test
  void logBinningForLengthsAndDegenerateRanges() {
    Histogram.Binning b = Histogram.Binning.of(0, 9999, true, 4, true);
    assertThat(b.bins()).isEqualTo(4);
    // log10(1+v) over [0, 4]: one bin per decade.
    assertThat(b.index(0)).isZero();
    assertThat(b.index(8)).isZero();
    assertThat(b.index(9)).isEqualTo(1);
    assertThat(b.index(99)).isEqualTo(2);
    assertThat(b.index(998)).isEqualTo(2);
    assertThat(b.index(9999)).isEqualTo(3);
    Histogram h = Histogram.of("s", "len", b, 0, 9999, Map.of(), 0);
    assertThat(h.edges()).containsExactly(0.0, 9.0, 99.0, 999.0, 9999.0);

    Histogram.Binning one = Histogram.Binning.of(42, 42, true, 20, false);
    assertThat(one.bins()).isEqualTo(1);
    assertThat(one.index(42)).isZero();
    assertThat(Histogram.of("s", "c", one, 42, 42, Map.of(0, 7L), 0).edges()).containsExactly(42.0, 42.0);
    assertThatThrownBy(() -> Histogram.Binning.of(-1, 5, true, 10, true)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Histogram.Binning.of(5, 1, true, 10, false)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Histogram.Binning.of(0, Double.NaN, true, 10, false)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyValueLandsInExactlyTheBinWhoseEdgesHoldIt() {
    Random random = new Random(11);
    double[] values = random.doubles(5000, -3, 17).toArray();
    double min = java.util.Arrays.stream(values).min().orElseThrow();
    double max = java.util.Arrays.stream(values).max().orElseThrow();
    Histogram.Binning b = Histogram.Binning.of(min, max, false, 20, false);
    Map<Integer, Long> counts = new HashMap<>();
    for (double v : values) {
      int i = b.index(v);
      double lo = b.edge(i, max);
      double hi = b.edge(i + 1, max);
      assertThat(v).isGreaterThanOrEqualTo(lo - 1e-9);
      assertThat(v).isLessThanOrEqualTo(hi + 1e-9);
      counts.merge(i, 1L, Long::sum);
    }
    assertThat(Histogram.of("s", "m", b, min, max, counts, 0).count()).isEqualTo(values.length);
  }

  @Test
  void seededSampleIsOrderIndependentAndDependsOnTheSeed() {
    List<String> ids = IntStream.range(0, 1000).mapToObj(i -> String.format("%032x", (long) i * 2654435761L)).toList();
    List<String> shuffled = new ArrayList<>(ids);
    Collections.shuffle(shuffled, new Random(3));
    List<String> a = SeededSample.pick(ids, 42, 5);
    assertThat(a).hasSize(5).doesNotHaveDuplicates();
    assertThat(SeededSample.pick(shuffled, 42, 5)).isEqualTo(a);
    assertThat(SeededSample.pick(ids, 43, 5)).isNotEqualTo(a);
    // The sample is a prefix order: asking for fewer gives the first of the larger sample.
    assertThat(SeededSample.pick(ids, 42, 10)).startsWith(a.toArray(String[]::new));
    // Keys are ascending along the sample and no other id has a smaller key than the last picked.
    long last = SeededSample.key(42, a.get(4));
    assertThat(ids.stream().filter(id -> !a.contains(id)).mapToLong(id -> SeededSample.key(42, id)).min().orElseThrow())
        .isGreaterThan(last);
    // The key is a fixed function of seed and id (SHA-256 of "seed:id"), not of the JVM or run.
    assertThat(SeededSample.key(1, "x")).isEqualTo(SeededSample.key(1, "x")).isNotEqualTo(SeededSample.key(2, "x"));
    assertThat(SeededSample.key(0, "abc")).isEqualTo(java.nio.ByteBuffer.wrap(sha256("0:abc"), 0, 8).getLong());
  }

  private static byte[] sha256(String s) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void csvQuotesOnlyWhatNeedsIt() {
    assertThat(Csv.row(java.util.Arrays.asList("a", 1L, 2.5, null, "x,y", "say \"hi\"", "two\nlines")))
        .isEqualTo("a,1,2.5,,\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\"\n");
    assertThat(Csv.field(3.0)).isEqualTo("3");
  }

  @Test
  void sectionHistogramNeedsConsistentEdgesAndCounts() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Histogram h = HtmlReport.sectionHistogram("dedup",
        json.readTree("{\"title\":\"cluster size\",\"edges\":[1,2,4,8],\"counts\":[10,4,1]}"));
    assertThat(h).isNotNull();
    assertThat(h.metric()).isEqualTo("cluster size");
    assertThat(h.count()).isEqualTo(15);
    assertThat(HtmlReport.sectionHistogram("d", json.readTree("{\"edges\":[1,2],\"counts\":[1,2]}"))).isNull();
    assertThat(HtmlReport.sectionHistogram("d", json.readTree("{\"edges\":[1,2,3],\"counts\":[1,\"x\"]}"))).isNull();
  }

  @Test
  void svgChartsEscapeTheirLabels() {
    String svg = Svg.hbars("c", "<caption>", List.of(new Svg.Bar("<img src=x onerror=alert(1)>", 3, "3 (50%)", "dropped"),
        new Svg.Bar("ok", 6, "6", "kept")));
    assertThat(svg).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;").contains("&lt;caption&gt;");
    // The larger value gets the full bar width, the smaller one half of it.
    assertThat(svg).contains("width=\"520\"").contains("width=\"260\"");
  }
}
