package org.curate.jobs.cli;

import org.curate.core.StageCounts;
import org.curate.jobs.spark.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.curate.jobs.report.ReportWriter;
import org.curate.jobs.report.StageReport;
import org.curate.jobs.tokenize.TrainTokenizerJob;
import org.curate.tokenizer.Mode;
import org.curate.tokenizer.TokenizerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train-tokenizer", mixinStandardHelpOptions = true,
    description = {
        "Train a BPE tokenizer on documents: executors pre-tokenise and count words, the driver merges.",
        "",
        "Modes: sentencepiece (AFM: whitespace as \u2581, digits split, byte fallback, no normalisation; writes tokenizer.model and tokenizer.json) and byte-level (GPT-2 split regex and byte map, merges identical to HF tokenizers' trainer; writes tokenizer.json).",
        "",
        "Output: OUTPUT/tokenizer.json, OUTPUT/tokenizer.model (sentencepiece), OUTPUT/curate-tokenizer.json (settings, pruning report), OUTPUT/_training.json (with timings), OUTPUT/_stats.json.",
        ""})
public final class TrainTokenizerCommand implements Callable<Integer>, StageCommand {
  @Mixin InputOutputOptions io;
  @Mixin SparkOptions spark;

  @Option(names = "--mode", paramLabel = "MODE", description = "sentencepiece (default) or byte-level.")
  String mode = "sentencepiece";

  @Option(names = "--vocab-size", paramLabel = "N",
      description = "Vocabulary size (default ${DEFAULT-VALUE}, AFM on-device; AFM server: 100352).")
  int vocabSize = TokenizerOptions.AFM_ON_DEVICE_VOCAB;

  @Option(names = "--min-word-count", paramLabel = "N",
      description = "Drop words seen fewer than N times before merging (default ${DEFAULT-VALUE}: keep all).")
  long minWordCount = 1;

  @Option(names = "--max-words", paramLabel = "N",
      description = "Keep at most the N most frequent words for the driver (default ${DEFAULT-VALUE}; 0 = no cap).")
  int maxWords = 5_000_000;

  @Option(names = "--sample", paramLabel = "FRACTION",
      description = "Train on a seeded random fraction of the documents (default ${DEFAULT-VALUE}).")
  double sample = 1.0;

  @Option(names = "--seed", description = "Seed of the sample (default ${DEFAULT-VALUE}).")
  long seed = 42;

  @Option(names = "--min-frequency", paramLabel = "N", description = "A pair must occur N times to be merged (default ${DEFAULT-VALUE}).")
  long minFrequency = 0;

  @Option(names = "--special-token", paramLabel = "TOKEN",
      description = "byte-level: added tokens with ids 0.. (default <|endoftext|>, the EOS); repeatable.")
  List<String> specialTokens;

  @Option(names = "--user-defined", paramLabel = "SYMBOL", description = "sentencepiece: user-defined symbols; repeatable.")
  List<String> userDefined = new ArrayList<>();

  @Option(names = "--split-regex", paramLabel = "REGEX",
      description = "byte-level: split pattern (default GPT-2's, built in), e.g. Llama-3's.")
  String splitRegex;

  @Option(names = "--character-coverage", description = "sentencepiece: share of characters the alphabet covers (default ${DEFAULT-VALUE}).")
  double characterCoverage = 0.9995;

  @Override
  public Integer call() {
    io.requireInput();
    TokenizerOptions options = options();
    SparkSession session = spark.session("curate train-tokenizer");
    long start = System.nanoTime();
    TrainTokenizerJob.Result r = TrainTokenizerJob.run(session, io.inputs(), io.output(), options, settings());
    StageReport report = StageReport.of(TrainTokenizerJob.NAME, r.counts(), (System.nanoTime() - start) / 1e9);
    new ReportWriter(session.sparkContext().hadoopConfiguration()).writeStageStats(io.output(), report);
    System.out.println("train-tokenizer: " + options.mode().label() + " vocab=" + r.model().size() + " merges="
        + r.model().merges().size() + " documents=" + r.counts().out() + " pruning=" + r.report().get("pruning")
        + " -> " + io.output());
    return 0;
  }

  private TokenizerOptions options() {
    TokenizerOptions options = TokenizerOptions.defaults(Mode.parse(mode)).withVocabSize(vocabSize)
        .withMinFrequency(minFrequency).withUserDefined(userDefined).withSplitRegex(splitRegex)
        .withCharacterCoverage(characterCoverage);
    if (specialTokens != null) {
      options = options.withSpecialTokens(specialTokens);
    }
    return options;
  }

  private TrainTokenizerJob.Settings settings() {
    if (sample <= 0 || sample > 1) {
      throw new IllegalArgumentException("--sample must be in (0, 1]");
    }
    return new TrainTokenizerJob.Settings(minWordCount, maxWords, sample, seed);
  }

  @Override
  public Stage stage() {
    TokenizerOptions options = options();
    TrainTokenizerJob.Settings settings = settings();
    return new Stage() {
      @Override
      public String name() {
        return TrainTokenizerJob.NAME;
      }

      @Override
      public StageCounts run(SparkSession session, List<String> inputs, String outputDir) {
        return TrainTokenizerJob.run(session, inputs, outputDir, options, settings).counts();
      }
    };
  }

  /** Its output is a tokenizer: the next stage of a pipeline reads the documents this one read. */
  @Override
  public boolean outputsDocuments() {
    return false;
  }
}
