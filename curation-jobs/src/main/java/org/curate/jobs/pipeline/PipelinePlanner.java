package org.curate.jobs.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.curate.jobs.cli.FilterCommand;
import org.curate.jobs.cli.StageCommand;
import org.curate.jobs.cli.TokenizeCommand;
import org.curate.jobs.filter.FilterConfig;
import org.curate.jobs.pipeline.PipelineConfig.StageEntry;
import org.curate.jobs.pipeline.YamlTree.ListNode;
import org.curate.jobs.pipeline.YamlTree.MapNode;
import org.curate.jobs.pipeline.YamlTree.Scalar;
import org.curate.jobs.spark.Stage;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Turns a {@link PipelineConfig} into stages, before any Spark work: each entry's keys become
 * the long options of the stage's command ({@code max_payload_bytes} → {@code --max-payload-bytes}),
 * which picocli checks (unknown key, wrong type) and the command turns into a {@link Stage}
 * (which checks values, models and lists). Errors name the file, line and key.
 */
public final class PipelinePlanner {
  /** A stage ready to run: its folder name, the stage, and the text its fingerprint is made from. */
  public record PlannedStage(String name, int line, Stage stage, String fingerprint, boolean outputsDocuments) {}

  private final Map<String, Supplier<Object>> stageCommands;

  /** {@code stageCommands}: stage name → a fresh command object implementing {@link StageCommand}. */
  public PipelinePlanner(Map<String, Supplier<Object>> stageCommands) {
    this.stageCommands = stageCommands;
  }

  /** The stages of {@code config}, whose folders will be under {@code outputRoot}. */
  public List<PlannedStage> plan(PipelineConfig config, String outputRoot) {
    PipelineConfig.Errors err = new PipelineConfig.Errors(config.source());
    List<PlannedStage> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (StageEntry entry : config.stages()) {
      Integer before = seen.putIfAbsent(entry.name(), entry.line());
      if (before != null) {
        throw err.at(entry.line(), "stage '" + entry.name() + "' appears twice (also on line " + before + ")");
      }
      out.add(plan(entry, config, err, seen.containsKey("train-tokenizer") ? outputRoot + "/train-tokenizer" : null));
    }
    return out;
  }

  private PlannedStage plan(StageEntry entry, PipelineConfig config, PipelineConfig.Errors err, String runTokenizer) {
    Supplier<Object> factory = stageCommands.get(entry.name());
    if (factory == null) {
      throw err.at(entry.line(), "unknown stage '" + entry.name() + "' (stages: " + String.join(", ", new TreeMap<>(stageCommands).keySet()) + ")");
    }
    Object command = factory.get();
    CommandLine cli = new CommandLine(command);
    List<String> args = new ArrayList<>();
    Map<String, String> optionToKey = new HashMap<>();
    FilterConfig inlineChain = null;
    for (Map.Entry<String, YamlTree> key : entry.keys().entrySet()) {
      int line = entry.keyLines().get(key.getKey());
      String option = "--" + key.getKey().replace('_', '-');
      if (option.equals("--input") || option.equals("--output")) {
        throw err.at(line, "stage '" + entry.name() + "': '" + key.getKey() + "' is set by the pipeline (top-level input/output and the previous stage)");
      }
      OptionSpec spec = cli.getCommandSpec().findOption(option);
      if (spec == null || isCommonOption(option)) {
        throw err.at(line, "stage '" + entry.name() + "': unknown key '" + key.getKey() + "' (keys: " + String.join(", ", keys(cli)) + ")");
      }
      optionToKey.put(spec.longestName(), key.getKey());
      if (command instanceof FilterCommand && option.equals("--filters") && key.getValue() instanceof ListNode chain) {
        inlineChain = FilterConfig.fromTree(inlineFilters(chain), config.baseDir(), config.source() + ":" + line);
        continue;
      }
      addArgs(args, option, spec, key.getValue(), config.baseDir(), err, entry.name() + "." + key.getKey());
    }
    List<String> parseArgs = new ArrayList<>(args);
    // Placeholders: the real input and output are the pipeline's; the command only builds the stage.
    if (cli.getCommandSpec().findOption("--input") != null) {
      parseArgs.addAll(List.of("--input", "pipeline-input", "--output", "pipeline-output"));
    }
    try {
      cli.parseArgs(parseArgs.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      int line = entry.line();
      if (e.getArgSpec() instanceof OptionSpec o && optionToKey.containsKey(o.longestName())) {
        line = entry.keyLines().get(optionToKey.get(o.longestName()));
      }
      throw err.at(line, "stage '" + entry.name() + "': " + e.getMessage().replace("--", "").replace('-', '_'));
    }
    if (inlineChain != null) {
      ((FilterCommand) command).useChain(inlineChain);
    }
    if (command instanceof TokenizeCommand tokenize && runTokenizer != null) {
      tokenize.useTokenizer(runTokenizer);
    }
    StageCommand stageCommand = (StageCommand) command;
    Stage stage;
    try {
      stage = stageCommand.stage();
    } catch (IllegalArgumentException e) {
      throw err.at(entry.line(), "stage '" + entry.name() + "': " + e.getMessage());
    }
    StringBuilder fingerprint = new StringBuilder(entry.name()).append('\n');
    args.stream().sorted().forEach(a -> fingerprint.append(a).append('\n'));
    if (inlineChain != null) {
      fingerprint.append(inlineChain).append('\n');
    }
    for (Path file : stageCommand.referencedFiles()) {
      fingerprint.append(fileStamp(file));
    }
    return new PlannedStage(entry.name(), entry.line(), stage, fingerprint.toString(), stageCommand.outputsDocuments());
  }

  /** Options every command has that are not stage settings. */
  private static boolean isCommonOption(String option) {
    return option.equals("--master") || option.equals("--conf") || option.equals("--help") || option.equals("--version");
  }

  private static List<String> keys(CommandLine cli) {
    List<String> keys = new ArrayList<>();
    for (OptionSpec o : cli.getCommandSpec().options()) {
      String name = o.longestName();
      if (name.startsWith("--") && !isCommonOption(name) && !name.equals("--input") && !name.equals("--output")) {
        keys.add(name.substring(2).replace('-', '_'));
      }
    }
    return keys;
  }

  private static void addArgs(List<String> args, String option, OptionSpec spec, YamlTree value, Path baseDir,
      PipelineConfig.Errors err, String key) {
    if (value instanceof ListNode list) {
      for (YamlTree item : list.items()) {
        addArgs(args, option, spec, item, baseDir, err, key);
      }
      return;
    }
    if (value instanceof MapNode map) {
      map.entries().forEach((k, v) -> args.add(option + "=" + k + "=" + err.text(v, key + "." + k)));
      return;
    }
    Scalar s = (Scalar) value;
    if (spec.arity().max() == 0) {
      if (!(s.value() instanceof Boolean b)) {
        throw err.at(s.line(), "'" + key + "' must be true or false, got " + s.kind());
      }
      if (b) {
        args.add(option);
      }
      return;
    }
    if (s.value() == null) {
      throw err.at(s.line(), "'" + key + "' has no value");
    }
    String text = s.text();
    if (spec.type() == Path.class) {
      text = PipelineConfig.resolve(text, baseDir);
      if (!text.contains(":") && !Files.exists(Path.of(text))) {
        throw err.at(s.line(), "'" + key + "': no such file or folder: " + text);
      }
    }
    args.add(option + "=" + text);
  }

  private static JsonNode inlineFilters(ListNode chain) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.set("filters", toJson(chain));
    return root;
  }

  private static JsonNode toJson(YamlTree node) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (node instanceof ListNode l) {
      var array = f.arrayNode();
      l.items().forEach(i -> array.add(toJson(i)));
      return array;
    }
    if (node instanceof MapNode m) {
      ObjectNode o = f.objectNode();
      m.entries().forEach((k, v) -> o.set(k, toJson(v)));
      return o;
    }
    Object v = ((Scalar) node).value();
    if (v == null) {
      return f.nullNode();
    }
    if (v instanceof Boolean b) {
      return f.booleanNode(b);
    }
    if (v instanceof Long l) {
      return f.numberNode(l);
    }
    if (v instanceof Double d) {
      return f.numberNode(d);
    }
    return f.textNode(v.toString());
  }

  /**
   * What a referenced file or folder is, for the fingerprint: editing a list or model in place
   * re-runs the stage. Files up to 16 MiB by content (so a regenerated but equal file, like the
   * sample's demo lists, still matches), larger ones by size and modification time.
   */
  static String fileStamp(Path path) {
    StringBuilder out = new StringBuilder();
    try (var files = Files.walk(path)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        long size = Files.size(file);
        out.append(file.toAbsolutePath().normalize()).append(' ').append(size).append(' ');
        if (size <= 16 << 20) {
          out.append(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
        } else {
          out.append(Files.getLastModifiedTime(file).toMillis());
        }
        out.append('\n');
      }
    } catch (IOException | NoSuchAlgorithmException e) {
      out.append(path).append(" (unreadable: ").append(e.getMessage()).append(")\n");
    }
    return out.toString();
  }
}
