package org.curate.decontam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The decontamination config (YAML or JSON, which is YAML too). Every key is optional:
 *
 * <pre>
 * n: 13                          # n-gram length
 * min_n: 4                       # items shorter than n words count whole if at least min_n words
 * common_usage_threshold: 1000   # n-grams found in this many documents or more are ignored
 * mode: drop                     # drop (AFM) | window (GPT-3: cut 200 chars around each hit)
 * window_chars: 200
 * max_pieces: 10
 * min_piece_chars: 200
 * max_broadcast_ngrams: 10000000  # the Spark stage broadcasts an index up to this many entries, else joins
 * benchmarks:                    # mappings; folders/files without one use the built-in or auto mapping
 *   - name: gsm8k
 *     path: gsm8k                # relative to the benchmarks folder
 *     include: [test.jsonl]
 *     fields: [question, answer]
 *     strip: ['&lt;&lt;[^&lt;&gt;]*&gt;&gt;']
 *   - name: bbh
 *     include: ['*.json']
 *     records: /examples         # JSON pointer to the item array
 *     fields: [input, target]
 *     id: task_id                # optional id field
 * </pre>
 */
public record DecontamConfig(DecontamOptions options, List<BenchmarkMapping> mappings, long maxBroadcastNgrams) {
  /**
   * Default broadcast limit: 10 M protected (n-gram, item) entries, about 150 MB of index per
   * executor. The five shared benchmarks give 1.52 M; AFM's 811 would be of the order of 100 M.
   */
  public static final long DEFAULT_MAX_BROADCAST_NGRAMS = 10_000_000L;
  private static final Set<String> TOP_KEYS = Set.of("n", "min_n", "common_usage_threshold", "mode", "window_chars",
      "max_pieces", "min_piece_chars", "max_broadcast_ngrams", "benchmarks");
  private static final Set<String> MAPPING_KEYS = Set.of("name", "path", "include", "records", "fields", "strip", "id");

  public DecontamConfig {
    mappings = List.copyOf(mappings);
    if (maxBroadcastNgrams < 0) {
      throw new IllegalArgumentException("max_broadcast_ngrams must not be negative, got " + maxBroadcastNgrams);
    }
  }

  public DecontamConfig(DecontamOptions options, List<BenchmarkMapping> mappings) {
    this(options, mappings, DEFAULT_MAX_BROADCAST_NGRAMS);
  }

  public static DecontamConfig defaults() {
    return new DecontamConfig(DecontamOptions.afm(), List.of());
  }

  public static DecontamConfig load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read decontamination config " + file + ": " + e.getMessage(), e);
    }
  }

  public static DecontamConfig parse(InputStream yaml, String sourceName) throws IOException {
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    if (root == null || root.isMissingNode() || root.isNull()) {
      return defaults();
    }
    if (!root.isObject()) {
      throw new IllegalArgumentException(sourceName + ": expected a mapping at the top level");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!TOP_KEYS.contains(key)) {
        throw new IllegalArgumentException(sourceName + ": unknown key '" + key + "' (expected one of " + TOP_KEYS + ")");
      }
    }
    DecontamOptions d = DecontamOptions.afm();
    String mode = root.path("mode").asText(d.mode().name()).toUpperCase(Locale.ROOT);
    DecontamOptions options;
    try {
      options = new DecontamOptions(root.path("n").asInt(d.n()), root.path("min_n").asInt(d.minN()),
          root.path("common_usage_threshold").asLong(d.commonUsageThreshold()), DecontamOptions.Mode.valueOf(mode),
          root.path("window_chars").asInt(d.windowChars()), root.path("max_pieces").asInt(d.maxPieces()),
          root.path("min_piece_chars").asInt(d.minPieceChars()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(sourceName + ": " + e.getMessage(), e);
    }
    List<BenchmarkMapping> mappings = new ArrayList<>();
    JsonNode list = root.path("benchmarks");
    if (!list.isMissingNode() && !list.isArray()) {
      throw new IllegalArgumentException(sourceName + ": 'benchmarks' must be a list");
    }
    int index = 0;
    for (JsonNode m : list) {
      index++;
      String where = sourceName + ": benchmarks[" + index + "]";
      if (!m.isObject() || !m.hasNonNull("name")) {
        throw new IllegalArgumentException(where + ": each entry needs 'name'");
      }
      for (Iterator<String> it = m.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!MAPPING_KEYS.contains(key)) {
          throw new IllegalArgumentException(where + ": unknown key '" + key + "' (expected one of " + MAPPING_KEYS + ")");
        }
      }
      mappings.add(new BenchmarkMapping(m.get("name").asText(), text(m, "path"), strings(m, "include", where),
          text(m, "records"), strings(m, "fields", where), strings(m, "strip", where), text(m, "id")));
    }
    long maxBroadcast = root.path("max_broadcast_ngrams").asLong(DEFAULT_MAX_BROADCAST_NGRAMS);
    if (maxBroadcast < 0) {
      throw new IllegalArgumentException(sourceName + ": max_broadcast_ngrams must not be negative, got " + maxBroadcast);
    }
    return new DecontamConfig(options, mappings, maxBroadcast);
  }

  public DecontamConfig withOptions(DecontamOptions newOptions) {
    return new DecontamConfig(newOptions, mappings, maxBroadcastNgrams);
  }

  public DecontamConfig withMaxBroadcastNgrams(long limit) {
    return new DecontamConfig(options, mappings, limit);
  }

  private static String text(JsonNode node, String key) {
    JsonNode v = node.get(key);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static List<String> strings(JsonNode node, String key, String where) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (v.isTextual()) {
      return List.of(v.asText());
    }
    if (!v.isArray()) {
      throw new IllegalArgumentException(where + ": '" + key + "' must be a list of strings");
    }
    List<String> out = new ArrayList<>();
    v.forEach(e -> out.add(e.asText()));
    return out;
  }
}
