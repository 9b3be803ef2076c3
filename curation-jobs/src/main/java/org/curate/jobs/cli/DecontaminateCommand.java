package org.curate.jobs.cli;

import org.curate.jobs.spark.Stage;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.curate.decontam.DecontamConfig;
import org.curate.decontam.DecontamOptions;
import org.curate.jobs.decontam.DecontaminateStage;
import org.curate.jobs.report.StageReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "decontaminate", mixinStandardHelpOptions = true,
    description = {
        "Remove documents that contain benchmark text (AFM's rule by default): a document is dropped under decontam:<benchmark> if it contains any 13-word sequence of a benchmark item (or the whole item when it has 4-12 words), unless that sequence is found in at least --threshold documents of the corpus (common usage; counted in a first pass).",
        "",
        "Benchmarks: every folder or file in --benchmarks DIR (JSONL, JSON, CSV, optionally gzipped, and Parquet). GSM8K, HumanEval, MMLU, MATH and BBH folders (by name) have built-in field mappings; others protect their usual text fields (question, prompt, passage, ...) or what --config maps.",
        "",
        "Output: OUTPUT/*.parquet (kept documents), OUTPUT/_rejects/, OUTPUT/_stats.json (with a contamination block), OUTPUT/_contamination.json and the OUTPUT/_contamination/ Parquet table (per benchmark: items loaded, items hit, documents dropped, top colliding n-grams including those excused as common usage).",
        ""})
public final class DecontaminateCommand implements Callable<Integer>, StageCommand {
  @Mixin InputOutputOptions io;
  @Mixin SparkOptions spark;

  @Option(names = "--benchmarks", paramLabel = "DIR", required = true,
      description = "Folder of benchmark files (local filesystem).")
  Path benchmarks;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Decontamination config (YAML): options and per-benchmark field mappings, see docs/ARCHITECTURE.md.")
  Path config;

  @Option(names = "--n", paramLabel = "N", description = "N-gram length (default 13).")
  Integer n;

  @Option(names = "--min-n", paramLabel = "N", description = "Shorter items count whole if they have at least this many words (default 4).")
  Integer minN;

  @Option(names = "--threshold", paramLabel = "DOCS",
      description = "Common-usage threshold: n-grams found in at least this many documents are ignored (default 1000).")
  Long threshold;

  @Option(names = "--mode", paramLabel = "drop|window",
      description = "drop: drop the whole document (AFM, default); window: cut 200 characters around each hit and drop the document if more than 10 pieces remain (GPT-3).")
  String mode;

  @Option(names = "--max-broadcast-ngrams", paramLabel = "N",
      description = "Broadcast the protected index to executors when it has at most N n-gram entries (about 15 bytes each), else join the documents' n-grams against it (default 10000000; the five shared benchmarks have 1.5 M).")
  Long maxBroadcastNgrams;

  @Override
  public Integer call() {
    io.requireInput();
    Stage stage = stage();
    SparkSession session = spark.session("curate decontaminate");
    StageReport report = StageRunner.run(session, stage, io.inputs(), io.output());
    System.out.println("decontaminate: in=" + report.in() + " out=" + report.out() + " dropped=" + report.dropped()
        + " failed=" + report.failed() + " changed=" + report.changed() + " -> " + io.output());
    return 0;
  }

  @Override
  public Stage stage() {
    DecontamConfig c = config(config, n, minN, threshold, mode);
    if (maxBroadcastNgrams != null) {
      if (maxBroadcastNgrams < 0) {
        throw new IllegalArgumentException("--max-broadcast-ngrams must not be negative, got " + maxBroadcastNgrams);
      }
      c = c.withMaxBroadcastNgrams(maxBroadcastNgrams);
    }
    return new DecontaminateStage(c, benchmarks);
  }

  @Override
  public java.util.List<Path> referencedFiles() {
    return config == null ? java.util.List.of(benchmarks) : java.util.List.of(benchmarks, config);
  }

  /** The config file (or the AFM defaults) with the command-line options applied on top. */
  static DecontamConfig config(Path file, Integer n, Integer minN, Long threshold, String mode) {
    DecontamConfig c = file != null ? DecontamConfig.load(file) : DecontamConfig.defaults();
    DecontamOptions o = c.options();
    int newN = n != null ? n : o.n();
    int newMinN = minN != null ? minN : Math.min(o.minN(), newN);
    o = o.withN(newN, newMinN);
    if (threshold != null) {
      o = o.withThreshold(threshold);
    }
    if (mode != null) {
      o = o.withMode(switch (mode.toLowerCase(java.util.Locale.ROOT)) {
        case "drop" -> DecontamOptions.Mode.DROP;
        case "window" -> DecontamOptions.Mode.WINDOW;
        default -> throw new IllegalArgumentException("--mode must be drop or window, got '" + mode + "'");
      });
    }
    return c.withOptions(o);
  }
}
