package org.curate.jobs.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.curate.jobs.pipeline.YamlTree.ListNode;
import org.curate.jobs.pipeline.YamlTree.MapNode;
import org.curate.jobs.pipeline.YamlTree.Scalar;

/**
 * One run, as a YAML file ({@code curate config --example} prints a full commented one):
 *
 * <pre>
 * input: [crawl/*.warc.gz]        # optional; absent: the built-in sample crawl
 * output: out/run1
 * spark:
 *   master: local[*]              # optional; spark-submit's --master wins
 *   conf: {spark.sql.shuffle.partitions: 64}
 * stages:
 *   - stage: extract
 *     max_payload_bytes: 10000000
 *   - stage: filter
 *     filters: filters.yaml       # or an inline list of filters
 * </pre>
 *
 * This class checks the shape (known top-level keys, types, stage entries); the stage keys are
 * checked against the stage's command options by {@link PipelinePlanner}. Every error names the
 * file, the line and the key. Relative paths are resolved against the config file's folder.
 */
public record PipelineConfig(
    String source, Path baseDir, List<String> inputs, int inputLine, String output, int outputLine,
    String master, Map<String, String> sparkConf, List<StageEntry> stages) {

  /** One {@code - stage: NAME} entry: its other keys, each with its value node. */
  public record StageEntry(String name, int line, Map<String, YamlTree> keys, Map<String, Integer> keyLines) {}

  private static final Set<String> TOP_KEYS = Set.of("input", "output", "spark", "stages");
  private static final Set<String> SPARK_KEYS = Set.of("master", "conf");

  public static PipelineConfig load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read pipeline config " + file + ": " + e.getMessage(), e);
    }
    return parse(text, file.toAbsolutePath().getParent(), file.toString());
  }

  public static PipelineConfig parse(String yaml, Path baseDir, String source) {
    YamlTree root = YamlTree.parse(yaml, source);
    Errors err = new Errors(source);
    MapNode top = err.map(root, "the document");
    for (Map.Entry<String, Integer> key : top.keyLines().entrySet()) {
      if (!TOP_KEYS.contains(key.getKey())) {
        throw err.at(key.getValue(), "unknown key '" + key.getKey() + "' (expected: input, output, spark, stages)");
      }
    }
    List<String> inputs = new ArrayList<>();
    YamlTree input = top.entries().get("input");
    if (input != null) {
      List<YamlTree> items = input instanceof ListNode l ? l.items() : List.of(input);
      for (YamlTree item : items) {
        inputs.add(resolve(err.text(item, "input"), baseDir));
      }
    }
    YamlTree out = top.entries().get("output");
    String output = out == null ? null : resolve(err.text(out, "output"), baseDir);
    String master = null;
    Map<String, String> conf = new LinkedHashMap<>();
    if (top.entries().containsKey("spark")) {
      MapNode spark = err.map(top.entries().get("spark"), "spark");
      for (Map.Entry<String, Integer> key : spark.keyLines().entrySet()) {
        if (!SPARK_KEYS.contains(key.getKey())) {
          throw err.at(key.getValue(), "unknown key 'spark." + key.getKey() + "' (expected: master, conf)");
        }
      }
      if (spark.entries().containsKey("master")) {
        master = err.text(spark.entries().get("master"), "spark.master");
      }
      if (spark.entries().containsKey("conf")) {
        MapNode c = err.map(spark.entries().get("conf"), "spark.conf");
        c.entries().forEach((k, v) -> conf.put(k, err.text(v, "spark.conf." + k)));
      }
    }
    YamlTree stagesNode = top.entries().get("stages");
    if (stagesNode == null) {
      throw err.at(top.line(), "missing key 'stages' (a list of '- stage: NAME' entries)");
    }
    if (!(stagesNode instanceof ListNode stageList) || stageList.items().isEmpty()) {
      throw err.at(stagesNode.line(), "'stages' must be a non-empty list of '- stage: NAME' entries, got " + stagesNode.kind());
    }
    List<StageEntry> stages = new ArrayList<>();
    for (YamlTree item : stageList.items()) {
      MapNode m = err.map(item, "a stage entry");
      YamlTree name = m.entries().get("stage");
      if (name == null) {
        throw err.at(m.line(), "a stage entry needs 'stage: NAME'");
      }
      Map<String, YamlTree> keys = new LinkedHashMap<>(m.entries());
      Map<String, Integer> keyLines = new LinkedHashMap<>(m.keyLines());
      keys.remove("stage");
      keyLines.remove("stage");
      stages.add(new StageEntry(err.text(name, "stage"), name.line(), keys, keyLines));
    }
    return new PipelineConfig(source, baseDir, List.copyOf(inputs), input == null ? 0 : input.line(), output,
        out == null ? 0 : out.line(), master, conf, List.copyOf(stages));
  }

  /** Relative local paths are relative to the config file; URIs and absolute paths stay. */
  static String resolve(String path, Path baseDir) {
    if (baseDir == null || path.contains("://") || path.startsWith("hdfs:") || path.startsWith("s3a:")
        || path.startsWith("file:") || Path.of(path).isAbsolute()) {
      return path;
    }
    return baseDir.resolve(path).normalize().toString();
  }

  /** Builds the "file:line: message" errors. */
  record Errors(String source) {
    IllegalArgumentException at(int line, String message) {
      return new IllegalArgumentException(source + ":" + line + ": " + message);
    }

    MapNode map(YamlTree node, String what) {
      if (node instanceof MapNode m) {
        return m;
      }
      throw at(node.line(), what + " must be a map, got " + node.kind());
    }

    String text(YamlTree node, String key) {
      if (node instanceof Scalar s && s.value() != null && !(s.value() instanceof Boolean)) {
        return s.text();
      }
      throw at(node.line(), "'" + key + "' must be text, got " + node.kind());
    }
  }
}
