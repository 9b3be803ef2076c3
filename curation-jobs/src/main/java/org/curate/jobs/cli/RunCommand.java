package org.curate.jobs.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import java.io.InputStream;
import org.curate.demo.DemoLists;
import org.curate.demo.SampleCrawl;
import org.curate.jobs.filter.FilterConfig;
import org.curate.jobs.filter.FilterStage;
import picocli.CommandLine.Option;
import org.curate.extract.ExtractOptions;
import org.curate.jobs.extract.ExtractStage;
import org.curate.jobs.report.ReportWriter;
import org.curate.jobs.report.StageReport;
import org.curate.jobs.spark.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = {
        "Run every stage of the pipeline in order; each stage reads the previous stage's output.",
        "",
        "Stages today: extract, filter. (dedup, decontaminate, tokenizer-train and tokenize are planned.)",
        "",
        "With no --input, runs on the built-in sample crawl: a WARC file the project generates deterministically into OUTPUT/input/ (multilingual pages, boilerplate, duplicates, PII, profanity, benchmark questions, non-HTML and broken records).",
        "",
        "Output: OUTPUT/<stage>/ for each stage (Parquet, _stats.json, _rejects/), OUTPUT/report/stats.json (one object per stage: name, in, out, dropped, failed, seconds) and OUTPUT/report/index.html. Default OUTPUT: out/demo.",
        ""})
public final class RunCommand implements Callable<Integer> {
  static final String DEFAULT_OUTPUT = "out/demo";

  static final String DEMO_FILTERS = "/org/curate/jobs/filter/demo-filters.yaml";

  @Mixin InputOutputOptions io;
  @Mixin SparkOptions spark;

  @Option(names = "--filters", paramLabel = "FILE",
      description = "The filter chain (YAML). Default: the built-in default chain; on the built-in sample, a demo chain with the sample's own lists (written to OUTPUT/input/filters.yaml).")
  Path filters;

  @Override
  public Integer call() {
    String output = io.output() == null ? DEFAULT_OUTPUT : io.output();
    boolean sample = io.inputs().isEmpty();
    Path sampleDir = sample ? sampleDir(output) : null;
    List<String> inputs = sample ? List.of(sampleCrawl(sampleDir)) : io.inputs();
    FilterConfig filterConfig = filters != null ? FilterConfig.load(filters)
        : sample ? FilterConfig.load(demoFilters(sampleDir)) : FilterCommand.config(null);
    SparkSession session = spark.session("curate run");
    List<Stage> stages = List.of(new ExtractStage(ExtractOptions.defaults()), new FilterStage(filterConfig));
    List<StageReport> reports = new ArrayList<>();
    List<String> stageInputs = inputs;
    for (Stage stage : stages) {
      String stageOutput = output + "/" + stage.name();
      reports.add(StageRunner.run(session, stage, stageInputs, stageOutput));
      stageInputs = List.of(stageOutput);
    }
    String reportDir = new ReportWriter(session.sparkContext().hadoopConfiguration()).writeRunReport(output, reports);
    System.out.println("report: " + reportDir + "/index.html");
    System.out.println("stats:  " + reportDir + "/stats.json");
    return 0;
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
        Files.write(config, in.readAllBytes());
      }
      return config;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo filter config: " + e.getMessage(), e);
    }
  }
}
