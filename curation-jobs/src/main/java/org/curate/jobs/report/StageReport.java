package org.curate.jobs.report;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.curate.core.StageCounts;

/**
 * One stage's line in {@code _stats.json} and {@code report/stats.json}: the counts, and after
 * them any blocks of its own the stage adds ({@link org.curate.jobs.spark.Stage#statsBlocks},
 * e.g. decontaminate's {@code contamination}); blocks are read back and carried as they are.
 */
@JsonPropertyOrder({"name", "in", "out", "dropped", "failed", "changed", "seconds"})
public record StageReport(String name, long in, long out, SortedMap<String, Long> dropped,
    SortedMap<String, Long> failed, SortedMap<String, Long> changed, double seconds,
    @JsonIgnore SortedMap<String, JsonNode> blocks) {
  private static final List<String> COUNT_KEYS = List.of("name", "in", "out", "dropped", "failed", "changed", "seconds");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<TreeMap<String, Long>> COUNTS = new TypeReference<>() {};

  public StageReport {
    blocks = blocks == null ? new TreeMap<>() : new TreeMap<>(blocks);
  }

  /** The blocks, written after the counts (the any-getter flattens them into the object). */
  @JsonAnyGetter
  private SortedMap<String, JsonNode> jsonBlocks() {
    return blocks;
  }

  /** Reads a {@code _stats.json} object: the count keys, and every other key as a block. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static StageReport fromJson(ObjectNode node) {
    TreeMap<String, JsonNode> extra = new TreeMap<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!COUNT_KEYS.contains(key)) {
        extra.put(key, node.get(key));
      }
    }
    return new StageReport(node.path("name").asText(null), node.path("in").asLong(), node.path("out").asLong(),
        counts(node.get("dropped")), counts(node.get("failed")), counts(node.get("changed")),
        node.path("seconds").asDouble(), extra);
  }

  private static SortedMap<String, Long> counts(JsonNode node) {
    return node == null || node.isNull() ? new TreeMap<>() : JSON.convertValue(node, COUNTS);
  }

  public static StageReport of(String name, StageCounts counts, double seconds) {
    return new StageReport(name, counts.in(), counts.out(), counts.dropped(), counts.failed(),
        counts.changed(), Math.round(seconds * 1000) / 1000.0, null);
  }

  /** This report with {@code extra} blocks added (a block may not shadow a count key). */
  public StageReport withBlocks(Map<String, JsonNode> extra) {
    TreeMap<String, JsonNode> all = new TreeMap<>(blocks);
    extra.forEach((k, v) -> {
      if (COUNT_KEYS.contains(k)) {
        throw new IllegalArgumentException("a stats block may not be called '" + k + "'");
      }
      all.put(k, v);
    });
    return new StageReport(name, in, out, dropped, failed, changed, seconds, all);
  }
}
