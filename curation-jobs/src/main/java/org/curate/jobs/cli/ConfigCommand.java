package org.curate.jobs.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.curate.jobs.pipeline.PipelineConfig;
import org.curate.jobs.pipeline.PipelinePlanner;
import org.curate.jobs.pipeline.PipelinePlanner.PlannedStage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "config", mixinStandardHelpOptions = true,
    description = {"Print a full commented pipeline config, or check one without running it.", ""})
public final class ConfigCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--example", description = "Print a pipeline config with every stage and every key, commented.")
  boolean example;

  @Option(names = "--check", paramLabel = "FILE",
      description = "Check a pipeline config (keys, types, files, models, lists) as `curate run` would, without Spark.")
  Path check;

  @Override
  public Integer call() {
    Map<String, Supplier<Object>> stages = RunCommand.stageCommands(spec.root().commandLine());
    if (check != null) {
      PipelineConfig config = PipelineConfig.load(check);
      List<PlannedStage> plan = new PipelinePlanner(stages).plan(config, config.output() != null ? config.output() : RunCommand.DEFAULT_OUTPUT);
      System.out.println(check + ": ok, stages " + String.join(" -> ", plan.stream().map(PlannedStage::name).toList()));
      return 0;
    }
    if (!example) {
      spec.commandLine().usage(System.out);
      return 0;
    }
    System.out.print(example(stages));
    return 0;
  }

  /** The example, generated from the stage commands' options so it always lists every key. */
  static String example(Map<String, Supplier<Object>> stages) {
    StringBuilder out = new StringBuilder();
    out.append("# A curate pipeline. Run it with: curate run --config THIS_FILE\n")
        .append("# Relative paths are relative to this file. Keys of a stage are the long options of its\n")
        .append("# command (`curate <stage> --help`), with '_' for '-'; a flag is true/false.\n\n")
        .append("# Input files, folders or globs (local, hdfs://, s3a://); absent: the built-in sample crawl.\n")
        .append("input:\n  - crawl/*.warc.gz\n")
        .append("# Output root: one folder per stage, plus report/. --output overrides it.\n")
        .append("output: out/run1\n")
        .append("spark:\n")
        .append("  master: local[*]            # spark-submit's --master wins\n")
        .append("  conf:\n    spark.sql.shuffle.partitions: 64\n\n")
        .append("stages:\n");
    stages.forEach((name, factory) -> {
      CommandLine cli = new CommandLine(factory.get());
      out.append("  - stage: ").append(name).append('\n');
      for (OptionSpec o : cli.getCommandSpec().options()) {
        String option = o.longestName();
        if (!option.startsWith("--") || List.of("--input", "--output", "--master", "--conf", "--help", "--version",
            "--list-filters", "--print-default-config").contains(option)) {
          continue;
        }
        Object initial = o.defaultValue() != null ? o.defaultValue() : o.initialValue();
        String value = o.arity().max() == 0 ? "false" : initial == null ? "" : String.valueOf(initial);
        String description = String.join(" ", o.description()).replace("${DEFAULT-VALUE}", value);
        // A required key is written out (with its placeholder), the others commented with their defaults.
        out.append(o.required() ? "    " : "    # ").append(option.substring(2).replace('-', '_')).append(": ")
            .append(o.required() ? o.paramLabel() : value).append("    # ").append(description).append('\n');
      }
    });
    return out.toString();
  }
}
