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
import org.curate.demo.SampleCrawl;
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
        "Stages today: extract. (filter, dedup, decontaminate, tokenizer-train and tokenize are planned.)",
        "",
        "With no --input, runs on the built-in sample crawl: a WARC file the project generates deterministically into OUTPUT/input/ (multilingual pages, boilerplate, duplicates, PII, profanity, benchmark questions, non-HTML and broken records).",
        "",
        "Output: OUTPUT/<stage>/ for each stage (Parquet, _stats.json, _rejects/), OUTPUT/report/stats.json (one object per stage: name, in, out, dropped, failed, seconds) and OUTPUT/report/index.html. Default OUTPUT: out/demo.",
        ""})
public final class RunCommand implements Callable<Integer> {
  static final String DEFAULT_OUTPUT = "out/demo";

  @Mixin InputOutputOptions io;
  @Mixin SparkOptions spark;

  @Override
  public Integer call() {
    String output = io.output() == null ? DEFAULT_OUTPUT : io.output();
    List<String> inputs = io.inputs().isEmpty() ? List.of(sampleCrawl(output)) : io.inputs();
    SparkSession session = spark.session("curate run");
    List<Stage> stages = List.of(new ExtractStage(ExtractOptions.defaults()));
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

  /** Writes the built-in sample crawl under OUTPUT/input/ (a local temp folder if OUTPUT is remote). */
  private static String sampleCrawl(String output) {
    try {
      URI uri = URI.create(output.replace('\\', '/'));
      Path dir = uri.getScheme() == null || "file".equals(uri.getScheme())
          ? Path.of(uri.getScheme() == null ? output : uri.getPath(), "input")
          : Files.createTempDirectory("curate-sample");
      Files.createDirectories(dir);
      Path warc = dir.resolve(SampleCrawl.WARC_NAME);
      SampleCrawl.write(warc, dir.resolve("benchmarks"));
      return warc.toAbsolutePath().toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the sample crawl: " + e.getMessage(), e);
    }
  }
}
