package org.curate.jobs.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.SortedMap;
import org.curate.core.StageCounts;

/** One stage's line in {@code _stats.json} and {@code report/stats.json}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"name", "in", "out", "dropped", "failed", "changed", "seconds"})
public record StageReport(String name, long in, long out, SortedMap<String, Long> dropped,
    SortedMap<String, Long> failed, SortedMap<String, Long> changed, double seconds) {

  public static StageReport of(String name, StageCounts counts, double seconds) {
    return new StageReport(name, counts.in(), counts.out(), counts.dropped(), counts.failed(),
        counts.changed(), Math.round(seconds * 1000) / 1000.0);
  }
}
