package org.curate.decontam;

import java.io.Serializable;
import java.util.List;

/**
 * Which text of a benchmark to protect.
 *
 * @param name benchmark name; also the detail of the reason code {@code decontam:<name>}
 *     (lowercased, characters outside {@code [a-z0-9_.]} become {@code _})
 * @param path file or folder, relative to the benchmarks folder (default: {@code name})
 * @param include glob patterns of files under {@code path} (default: every supported file)
 * @param records for JSON files, a JSON pointer to the array of items (e.g. {@code /examples});
 *     empty: the top-level array, or the top-level object as one item
 * @param fields the fields whose text is protected; each field value (or each element of an
 *     array value) is one segment contributing its own n-grams. Empty: the usual names that are
 *     present ({@link #USUAL_FIELDS}), else every string field
 * @param strip regular expressions deleted from every segment before tokenising (e.g. GSM8K's
 *     calculator annotations {@code <<...>>})
 * @param idField the field holding the item id (default: file name and record number)
 */
public record BenchmarkMapping(String name, String path, List<String> include, String records,
    List<String> fields, List<String> strip, String idField) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Field names protected by default when a mapping names none and they are present. */
  public static final List<String> USUAL_FIELDS = List.of("question", "problem", "prompt", "input", "passage",
      "context", "text", "choices", "options", "solution", "canonical_solution", "answer", "target");

  public BenchmarkMapping {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a benchmark mapping needs a name");
    }
    path = path == null || path.isBlank() ? name : path;
    include = include == null ? List.of() : List.copyOf(include);
    records = records == null ? "" : records;
    fields = fields == null ? List.of() : List.copyOf(fields);
    strip = strip == null ? List.of() : List.copyOf(strip);
  }

  /** A mapping with every default: all supported files under {@code path}, usual fields. */
  public static BenchmarkMapping auto(String name, String path) {
    return new BenchmarkMapping(name, path, List.of(), "", List.of(), List.of(), null);
  }

  /** The built-in mapping for the shared benchmark folder {@code name}, or null. */
  public static BenchmarkMapping builtIn(String name) {
    return switch (name) {
      // Test split only (train is training data by design); the worked solution too, minus the
      // <<48/2=24>> calculator annotations, which a leaked copy usually lacks.
      case "gsm8k" -> new BenchmarkMapping("gsm8k", "gsm8k", List.of("test.jsonl"), "",
          List.of("question", "answer"), List.of("<<[^<>]*>>"), null);
      case "humaneval" -> new BenchmarkMapping("humaneval", "humaneval", List.of("*.jsonl.gz", "*.jsonl"), "",
          List.of("prompt", "canonical_solution"), List.of(), "task_id");
      // The question only: answer choices are mostly short and generic ("1, 2, 3, 4", "True, False"),
      // and as whole 4-12-word sequences they made the ground-truth test drop 0.79 % of its clean
      // documents instead of 0.10 % (docs/ARCHITECTURE.md).
      // Add choice0..choice3 in a mapping to protect them too.
      case "mmlu" -> new BenchmarkMapping("mmlu", "mmlu", List.of("test/*.csv"), "",
          List.of("question"), List.of(), null);
      case "math" -> new BenchmarkMapping("math", "math", List.of("test.jsonl"), "",
          List.of("problem", "solution"), List.of(), "unique_id");
      case "bbh" -> new BenchmarkMapping("bbh", "bbh", List.of("*.json"), "/examples",
          List.of("input", "target"), List.of(), null);
      default -> null;
    };
  }

  /** The names that have a built-in mapping. */
  public static List<String> builtInNames() {
    return List.of("bbh", "gsm8k", "humaneval", "math", "mmlu");
  }

  /** {@code name} as the detail of a reason code. */
  public static String reasonName(String name) {
    String s = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_.]+", "_");
    s = s.replaceAll("^[._]+|[._]+$", "");
    return s.isEmpty() ? "unnamed" : s;
  }
}
