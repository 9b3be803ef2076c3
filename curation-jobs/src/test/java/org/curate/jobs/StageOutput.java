package org.curate.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/** Reads what a stage wrote, for assertions: its {@code _stats.json} and the invariant it promises. */
public final class StageOutput {
  private StageOutput() {}

  public static JsonNode stats(Path stageDir) {
    try {
      return new ObjectMapper().readTree(stageDir.resolve("_stats.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static long sum(JsonNode reasons) {
    long total = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = reasons.fields(); it.hasNext(); ) {
      total += it.next().getValue().asLong();
    }
    return total;
  }

  /** Asserts in = out + Σ dropped + Σ failed as written in the stats file, and returns the stats. */
  public static JsonNode assertConserved(Path stageDir) {
    JsonNode stats = stats(stageDir);
    assertThat(stats.get("in").asLong())
        .as("in = out + dropped + failed in %s", stageDir)
        .isEqualTo(stats.get("out").asLong() + sum(stats.get("dropped")) + sum(stats.get("failed")));
    return stats;
  }
}
