package org.curate.jobs.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import org.curate.demo.DemoLists;
import org.curate.demo.SampleCrawl;
import org.curate.filters.lang.LanguageFilterFactory;
import org.curate.jobs.pipeline.PipelineConfig;
import org.curate.jobs.pipeline.PipelineConfig.StageEntry;
import org.curate.jobs.pipeline.PipelinePlanner;
import org.curate.jobs.pipeline.PipelinePlanner.PlannedStage;
import org.curate.jobs.pipeline.StageCommit;
import org.curate.jobs.pipeline.YamlTree;
import org.curate.jobs.report.ReportWriter;
import org.curate.jobs.report.StageReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = {
        "Run a pipeline: the stages of --config in order, each reading the previous stage's output.",
        "",
        "Without --config: on the built-in sample, conf/sample-pipeline.yaml (extract, filter, dedup, decontaminate, train-tokenizer, tokenize); with --input, conf/default-pipeline.yaml (extract, filter). Without input (neither --input nor 'input:' in the config), runs on the built-in sample crawl: a WARC file the project generates deterministically into OUTPUT/input/ (multilingual pages, boilerplate, duplicates, PII, profanity, benchmark questions, non-HTML and broken records).",
        "",
        "The config is checked before any Spark work (unknown key, wrong type, missing file: an error naming the file, line and key). Each stage writes into OUTPUT/_tmp/<stage>/ and is renamed to OUTPUT/<stage>/ with a _manifest.json when complete; a re-run skips every stage whose manifest matches its settings and inputs (--force STAGE redoes one).",
        "",
        "Output: OUTPUT/<stage>/ for each stage (Parquet, _stats.json, _rejects/, _manifest.json), OUTPUT/report/stats.json and OUTPUT/report/index.html. Default OUTPUT: out/demo.",
        ""})
public final class RunCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
  static final String DEFAULT_OUTPUT = "out/demo";
  static final String SAMPLE_PIPELINE = "/org/curate/jobs/pipeline/sample-pipeline.yaml";
  static final String DEFAULT_PIPELINE = "/org/curate/jobs/pipeline/default-pipeline.yaml";
  static final String DEMO_FILTERS = "/org/curate/jobs/filter/demo-filters.yaml";

  @Spec CommandLine.Model.CommandSpec spec;
  @Mixin InputOutputOptions io;
  @Mixin SparkOptions spark;

  @Option(names = "--config", paramLabel = "FILE", description = "The pipeline (YAML; `curate config --example` prints a full one).")
  Path config;

  @Option(names = "--filters", paramLabel = "FILE",
      description = "The filter chain (YAML) of the pipeline's filter stage, overriding its 'filters:' key.")
  Path filters;

  @Option(names = "--force", paramLabel = "STAGE",
      description = "Redo this stage even if its output is up to date (repeatable; 'all' redoes every stage).")
  List<String> force = new ArrayList<>();

  @Override
  public Integer call() {
    PipelineConfig pipeline = config != null ? PipelineConfig.load(config)
        : builtInPipeline(io.inputs().isEmpty() ? SAMPLE_PIPELINE : DEFAULT_PIPELINE);
    List<String> inputs = !io.inputs().isEmpty() ? io.inputs() : pipeline.inputs();
    String output = io.output() != null ? io.output() : pipeline.output() != null ? pipeline.output() : DEFAULT_OUTPUT;
    if (filters != null) {
      pipeline = withStageKeys(pipeline, Map.of("filter", Map.of("filters", filters)), true);
    }
    if (inputs.isEmpty()) {
      Path sampleDir = sampleDir(output);
      inputs = List.of(sampleCrawl(sampleDir));
      pipeline = withStageKeys(pipeline, Map.of(
          "filter", Map.of("filters", demoFilters(sampleDir)),
          "decontaminate", Map.of("benchmarks", sampleDir.resolve("benchmarks"))), false);
    }
    List<PlannedStage> plan = new PipelinePlanner(stageCommands(spec.root().commandLine())).plan(pipeline, output);
    Set<String> names = new LinkedHashSet<>();
    plan.forEach(p -> names.add(p.name()));
    for (String f : force) {
      if (!f.equals("all") && !names.contains(f)) {
        throw new IllegalArgumentException("--force " + f + ": not a stage of this pipeline (stages: " + String.join(", ", names) + ")");
      }
    }

    if (spark.master == null) {
      spark.master = pipeline.master();
    }
    pipeline.sparkConf().forEach(spark.conf::putIfAbsent);
    SparkSession session = spark.session("curate run");
    StageCommit commit = new StageCommit(session.sparkContext().hadoopConfiguration());
    writeConfigCopy(session, output);
    List<StageReport> reports = new ArrayList<>();
    List<String> stageInputs = inputs;
    String readHash = commit.inputIdentity(inputs);
    for (PlannedStage stage : plan) {
      String hash = StageCommit.hash(stage.fingerprint(), readHash);
      String stageDir = output + "/" + stage.name();
      StageReport report = force.contains("all") || force.contains(stage.name()) ? null : commit.committed(stageDir, hash);
      if (report != null) {
        LOG.info("stage {}: up to date ({} has the same settings and inputs), skipped", stage.name(), stageDir);
      } else {
        String temp = commit.prepareTemp(output, stage.name());
        report = StageRunner.run(session, stage.stage(), stageInputs, temp);
        commit.commit(temp, stageDir, stage.name(), hash, stage.fingerprint());
      }
      reports.add(report);
      if (stage.outputsDocuments()) {
        stageInputs = List.of(stageDir);
      }
      readHash = hash;
    }
    removeEmptyTemp(session, output);
    String reportDir = new ReportWriter(session.sparkContext().hadoopConfiguration()).writeRunReport(output, reports);
    System.out.println("report: " + reportDir + "/index.html");
    System.out.println("stats:  " + reportDir + "/stats.json");
    return 0;
  }

  /** Every subcommand that is a {@link StageCommand}, by name, as a factory of fresh command objects. */
  static Map<String, Supplier<Object>> stageCommands(CommandLine root) {
    Map<String, Supplier<Object>> out = new LinkedHashMap<>();
    root.getSubcommands().forEach((name, sub) -> {
      Class<?> type = sub.getCommand().getClass();
      if (StageCommand.class.isAssignableFrom(type)) {
        out.put(name, () -> {
          try {
            return CommandLine.defaultFactory().create(type);
          } catch (Exception e) {
            throw new IllegalStateException("cannot create the " + name + " command", e);
          }
        });
      }
    });
    return out;
  }

  static PipelineConfig builtInPipeline(String resource) {
    try (InputStream in = RunCommand.class.getResourceAsStream(resource)) {
      return PipelineConfig.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), null,
          "built-in " + resource.substring(resource.lastIndexOf('/') + 1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sets stage keys: on the built-in sample, what the sample brings unless the config says
   * otherwise (the demo chain and its lists, the demo benchmark); with {@code override}, the
   * command line's {@code --filters} over the config's.
   */
  private static PipelineConfig withStageKeys(PipelineConfig p, Map<String, Map<String, Path>> defaults, boolean override) {
    List<StageEntry> stages = new ArrayList<>();
    for (StageEntry e : p.stages()) {
      Map<String, YamlTree> keys = new LinkedHashMap<>(e.keys());
      Map<String, Integer> lines = new LinkedHashMap<>(e.keyLines());
      for (Map.Entry<String, Path> d : defaults.getOrDefault(e.name(), Map.of()).entrySet()) {
        if (override || !keys.containsKey(d.getKey())) {
          keys.put(d.getKey(), new YamlTree.Scalar(e.line(), d.getValue().toAbsolutePath().toString()));
          lines.put(d.getKey(), e.line());
        }
      }
      stages.add(new StageEntry(e.name(), e.line(), keys, lines));
    }
    return new PipelineConfig(p.source(), p.baseDir(), p.inputs(), p.inputLine(), p.output(), p.outputLine(),
        p.master(), p.sparkConf(), stages);
  }

  /** OUTPUT/pipeline.yaml: the config this run used, for the report's run metadata and for audit. */
  private void writeConfigCopy(SparkSession session, String output) {
    org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(output, "pipeline.yaml");
    try (InputStream in = config != null ? Files.newInputStream(config)
            : RunCommand.class.getResourceAsStream(io.inputs().isEmpty() ? SAMPLE_PIPELINE : DEFAULT_PIPELINE);
        var out = target.getFileSystem(session.sparkContext().hadoopConfiguration()).create(target, true)) {
      in.transferTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  private static void removeEmptyTemp(SparkSession session, String output) {
    org.apache.hadoop.fs.Path tmp = new org.apache.hadoop.fs.Path(output, "_tmp");
    try {
      FileSystem fs = tmp.getFileSystem(session.sparkContext().hadoopConfiguration());
      if (fs.exists(tmp) && fs.listStatus(tmp).length == 0) {
        fs.delete(tmp, false);
      }
    } catch (IOException e) {
      LOG.warn("cannot remove {}: {}", tmp, e.getMessage());
    }
  }

  /** OUTPUT/input/ for the built-in sample (a local temp folder if OUTPUT is remote). */
  private static Path sampleDir(String output) {
    try {
      URI uri = URI.create(output.replace('\\', '/'));
      Path dir = uri.getScheme() == null || "file".equals(uri.getScheme())
          ? Path.of(uri.getScheme() == null ? output : uri.getPath(), "input")
          : Files.createTempDirectory("curate-sample");
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the sample folder: " + e.getMessage(), e);
    }
  }

  /** Writes the built-in sample crawl (and its manifest and demo benchmark) into {@code dir}. */
  private static String sampleCrawl(Path dir) {
    try {
      Path warc = dir.resolve(SampleCrawl.WARC_NAME);
      SampleCrawl.write(warc, dir.resolve("benchmarks"));
      return warc.toAbsolutePath().toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the sample crawl: " + e.getMessage(), e);
    }
  }

  /** Writes the demo filter chain and the project's own demo lists next to the sample. */
  private static Path demoFilters(Path dir) {
    try {
      DemoLists.write(dir.resolve("lists"));
      Path config = dir.resolve("filters.yaml");
      try (InputStream in = RunCommand.class.getResourceAsStream(DEMO_FILTERS)) {
        String chain = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        // An absolute path, so executors on this machine (or sharing its filesystem) find it too.
        String model = LanguageFilterFactory.defaultModel().toString();
        Files.writeString(config, chain.replace("@LID_MODEL@", model.replace("\\", "/")));
      }
      return config;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo filter config: " + e.getMessage(), e);
    }
  }
}
