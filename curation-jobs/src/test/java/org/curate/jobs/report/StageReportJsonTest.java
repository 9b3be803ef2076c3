package org.curate.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.curate.core.StageCounts;
import org.junit.jupiter.api.Test;

/** {@code _stats.json}: the count keys first and unchanged, a stage's own blocks after them, read back as they were. */
class StageReportJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void blocksFollowTheCountsAndSurviveARoundTrip() throws Exception {
    StageCounts counts = new StageCounts(5, 3, Map.of("decontam:gsm8k", 2L), Map.of());
    JsonNode block = JSON.readTree("{\"benchmarks\":[{\"name\":\"gsm8k\",\"items_hit\":1}]}");
    StageReport report = StageReport.of("decontaminate", counts, 1.23456).withBlocks(Map.of("contamination", block));

    String json = JSON.writeValueAsString(report);
    assertThat(json).startsWith("{\"name\":\"decontaminate\",\"in\":5,\"out\":3,\"dropped\":{\"decontam:gsm8k\":2},"
        + "\"failed\":{},\"changed\":{},\"seconds\":1.235,\"contamination\":{");
    assertThat(json).doesNotContain("blocks");
    StageReport back = JSON.readValue(json, StageReport.class);
    assertThat(back).isEqualTo(report);
    assertThat(back.blocks().get("contamination")).isEqualTo(block);

    // A stage without blocks writes exactly the keys it always wrote.
    assertThat(JSON.writeValueAsString(StageReport.of("filter", counts, 0)))
        .isEqualTo("{\"name\":\"filter\",\"in\":5,\"out\":3,\"dropped\":{\"decontam:gsm8k\":2},\"failed\":{},\"changed\":{},\"seconds\":0.0}");
    assertThatThrownBy(() -> report.withBlocks(Map.of("out", block))).isInstanceOf(IllegalArgumentException.class);
  }
}
