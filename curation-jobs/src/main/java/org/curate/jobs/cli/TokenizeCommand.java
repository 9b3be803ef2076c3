package org.curate.jobs.cli;

import java.util.List;
import org.curate.core.StageCounts;
import org.curate.jobs.spark.Stage;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.curate.jobs.report.ReportWriter;
import org.curate.jobs.report.StageReport;
import org.curate.jobs.tokenize.TokenizeJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "tokenize", mixinStandardHelpOptions = true,
    description = {
        "Tokenise documents into pretraining shards: Megatron-LM indexed datasets (shard_NNNNN.bin/.idx, one sequence per document ending in EOS; shard_NNNNN.ids lists the document ids) and/or Parquet (input_ids list<int32>).",
        "",
        "Document order is a seeded shuffle; outputs are byte-identical run to run.",
        "",
        "Output: OUTPUT/shard_*.{bin,idx,ids}, OUTPUT/parquet/ (with --format parquet|both), OUTPUT/manifest.json (shards, tokens and bytes per token per language), OUTPUT/_stats.json.",
        ""})
public final class TokenizeCommand implements Callable<Integer>, StageCommand {
  @Spec picocli.CommandLine.Model.CommandSpec commandSpec;
  @Mixin InputOutputOptions io;
  @Mixin SparkOptions spark;

  @Option(names = "--tokenizer", paramLabel = "DIR", description = "A train-tokenizer output folder.")
  String tokenizer;

  @Option(names = "--shard-tokens", paramLabel = "N", description = "Target tokens per shard (default ${DEFAULT-VALUE}).")
  long shardTokens = 1_000_000_000L;

  @Option(names = "--seed", description = "Seed of the document shuffle (default ${DEFAULT-VALUE}).")
  long seed = 42;

  @Option(names = "--bos", description = "Also start each document with BOS (sentencepiece mode).")
  boolean bos;

  @Option(names = "--no-eos", description = "Do not end documents with EOS.")
  boolean noEos;

  @Option(names = "--format", paramLabel = "FORMAT", description = "megatron (default), parquet or both.")
  String format = "megatron";

  @Override
  public Integer call() {
    io.requireInput();
    if (tokenizer == null) {
      throw new ParameterException(commandSpec.commandLine(), "Missing required option: '--tokenizer=DIR'");
    }
    TokenizeJob.Settings settings = settings();
    SparkSession session = spark.session("curate tokenize");
    long start = System.nanoTime();
    TokenizeJob.Result r = TokenizeJob.run(session, io.inputs(), tokenizer, io.output(), settings);
    StageReport report = StageReport.of(TokenizeJob.NAME, r.counts(), (System.nanoTime() - start) / 1e9);
    new ReportWriter(session.sparkContext().hadoopConfiguration()).writeStageStats(io.output(), report);
    System.out.println("tokenize: documents=" + r.manifest().get("documents") + " tokens=" + r.manifest().get("tokens")
        + " bytes/token=" + r.manifest().get("bytes_per_token") + " shards=" + r.manifest().get("shard_count")
        + " -> " + io.output());
    return 0;
  }

  private TokenizeJob.Settings settings() {
    if (shardTokens < 1) {
      throw new IllegalArgumentException("--shard-tokens must be positive");
    }
    return new TokenizeJob.Settings(shardTokens, seed, bos, !noEos, format);
  }

  /** In a pipeline without 'tokenizer:', the run's own train-tokenizer stage output (set by the planner). */
  public void useTokenizer(String dir) {
    if (tokenizer == null) {
      tokenizer = dir;
    }
  }

  @Override
  public Stage stage() {
    if (tokenizer == null) {
      throw new IllegalArgumentException("no tokenizer: set 'tokenizer: DIR' or put a train-tokenizer stage before this one");
    }
    TokenizeJob.Settings settings = settings();
    String tokenizerDir = tokenizer;
    return new Stage() {
      @Override
      public String name() {
        return TokenizeJob.NAME;
      }

      @Override
      public StageCounts run(SparkSession session, List<String> inputs, String outputDir) {
        return TokenizeJob.run(session, inputs, tokenizerDir, outputDir, settings).counts();
      }
    };
  }

  /** Its output is shards, not documents. */
  @Override
  public boolean outputsDocuments() {
    return false;
  }
}
