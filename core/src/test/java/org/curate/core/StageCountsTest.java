package org.curate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StageCountsTest {

  @Test
  void countsEachOutcomeUnderItsReason() {
    StageCounts counts = new StageCounts();
    counts.record(Outcome.keep("a"));
    counts.record(Outcome.changed("b", List.of("pii:email")));
    counts.record(Outcome.drop("warc:revisit", "same digest"));
    counts.record(Outcome.drop("warc:revisit", ""));
    counts.record(Outcome.fail("warc:truncated-gzip", "offset 123"));

    assertThat(counts.in()).isEqualTo(5);
    assertThat(counts.out()).isEqualTo(2);
    assertThat(counts.dropped()).containsExactly(Map.entry("warc:revisit", 2L));
    assertThat(counts.failed()).containsExactly(Map.entry("warc:truncated-gzip", 1L));
    counts.checkConservation("extract");
  }

  @Test
  void detectsLostItems() {
    StageCounts counts = new StageCounts(10, 7, Map.of("non-html:image", 2L), Map.of());
    assertThatThrownBy(() -> counts.checkConservation("extract"))
        .isInstanceOf(StageCounts.ConservationViolation.class)
        .hasMessageContaining("extract: in=10 but out+dropped+failed=9");
  }

  @Test
  void mergeAddsCountsAndKeepsReasonsSorted() {
    StageCounts a = new StageCounts(3, 1, Map.of("z:last", 1L), Map.of("a:first", 1L));
    StageCounts b = new StageCounts(2, 1, Map.of("b:mid", 1L), Map.of());
    a.merge(b);
    assertThat(a.in()).isEqualTo(5);
    assertThat(a.dropped().keySet()).containsExactly("b:mid", "z:last");
    a.checkConservation("merged");
  }

  @Test
  void rejectsMalformedReasonCodes() {
    assertThatThrownBy(() -> Outcome.drop("Too Short", "")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Outcome.fail("nofamily", "")).isInstanceOf(IllegalArgumentException.class);
    assertThat(ReasonCode.check("gopher_quality:word_count")).isEqualTo("gopher_quality:word_count");
    assertThat(ReasonCode.check("non-html:application/pdf")).isEqualTo("non-html:application/pdf");
  }
}
