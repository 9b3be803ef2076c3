package org.curate.jobs.dedup;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.curate.core.StageCounts;
import org.curate.dedup.MinHashParams;
import org.curate.jobs.cli.SparkOptions;
import org.curate.jobs.cli.StageCommand;
import org.curate.jobs.spark.Stage;
import org.curate.jobs.report.ReportWriter;
import org.curate.jobs.report.StageReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code curate dedup}: URL, exact and MinHash LSH near-duplicate removal, and optionally
 * cross-document paragraph dedup. It declares
 * {@code --input}/{@code --output} itself, with the same names and meaning as
 * {@code InputOutputOptions} (whose accessors are package-private to the cli package).
 */
@Command(name = "dedup", mixinStandardHelpOptions = true,
    description = {
        "Remove duplicates: captures of the same URL (keep the newest), exact copies of the normalised text, and near-duplicates (word 5-gram MinHash LSH, candidates verified by exact Jaccard, connected components on Spark); one survivor per group.",
        "",
        "Inputs: a stage's Parquet output (usually filter/), JSONL, or crawl files.",
        "",
        "With --paragraphs, the survivors then lose their boilerplate paragraphs (lines repeated across documents); a document left empty is dropped.",
        "",
        "Output: OUTPUT/*.parquet (kept documents), OUTPUT/_rejects/ (dedup:url, dedup:exact, dedup:minhash with the survivor's id in detail; dedup:paragraph), OUTPUT/_clusters/ (kind, component_id, survivor, members, size), OUTPUT/_stats.json (drops by reason; documents shortened by paragraph dedup under changed: dedup:paragraph).",
        ""})
public final class DedupCommand implements Callable<Integer>, StageCommand {
  @Option(names = "--input", paramLabel = "PATH", arity = "1..*", required = true,
      description = "Input files, directories or globs (local paths or hdfs:/s3a:/file: URIs), repeatable.")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--output", paramLabel = "DIR", required = true, description = "Output directory (replaced if it exists).")
  String output;

  @Mixin SparkOptions spark;

  @Option(names = "--bands", defaultValue = "20", description = "LSH bands (default: ${DEFAULT-VALUE}).")
  int bands;

  @Option(names = "--rows", defaultValue = "5", description = "MinHash values per band (default: ${DEFAULT-VALUE}); permutations = bands x rows.")
  int rows;

  @Option(names = "--ngram", defaultValue = "5", description = "Words per shingle (default: ${DEFAULT-VALUE}).")
  int ngram;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the MinHash permutations (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threshold", defaultValue = "0.8", description = "Exact Jaccard a candidate pair must reach (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Option(names = "--no-verify", description = "Trust LSH candidates without computing their Jaccard (faster, less precise).")
  boolean noVerify;

  @Option(names = "--survivor", defaultValue = "lowest-id",
      description = "Which member of a group is kept: lowest-id, longest-text, newest, best-score (default: ${DEFAULT-VALUE}); ties go to the lowest id, then the first input row.")
  String survivor;

  @Option(names = "--survivor-score-column", paramLabel = "COL",
      description = "With --survivor best-score: the numeric document column (e.g. lang_score) or tag (e.g. quality_model.NAME.score, gopher_quality.word_count; 'tags.' prefix optional) whose highest value survives; documents without a value rank last.")
  String survivorScoreColumn;

  @Option(names = "--paragraphs",
      description = "Also remove boilerplate paragraphs (lines) of at least --paragraph-min-chars normalised characters found in more than --paragraph-max-docs of the surviving documents, from all of them (CCNet style; dedup:paragraph). Off by default.")
  boolean paragraphs;

  @Option(names = "--paragraph-min-chars", paramLabel = "N", defaultValue = "50",
      description = "Shortest paragraph (normalised characters) paragraph dedup may remove (default: ${DEFAULT-VALUE}).")
  int paragraphMinChars;

  @Option(names = "--paragraph-max-docs", paramLabel = "K", defaultValue = "1",
      description = "A paragraph found in more than K documents is boilerplate (default: ${DEFAULT-VALUE}: any repeat, as CCNet).")
  int paragraphMaxDocs;

  @Option(names = "--no-url", description = "Skip URL dedup.")
  boolean noUrl;

  @Option(names = "--no-exact", description = "Skip exact dedup.")
  boolean noExact;

  @Option(names = "--no-minhash", description = "Skip near-duplicate (MinHash) dedup.")
  boolean noMinhash;

  @Option(names = "--broadcast-drops-up-to", paramLabel = "N", defaultValue = "1000000",
      description = "Broadcast the drop decisions to the output writers when at most N documents are dropped (no shuffle of the texts); above, shuffle-join them (default: ${DEFAULT-VALUE}).")
  long broadcastDropsUpTo;

  @Option(names = "--components-in-one-task-up-to", paramLabel = "N", defaultValue = "2000000",
      description = "Connected components of a graph of at most N verified edges are found in one executor task (union-find); a bigger graph runs distributed large-star/small-star rounds until it is that small; -1: rounds only (default: ${DEFAULT-VALUE}).")
  long componentsInOneTaskUpTo;

  DedupOptions options() {
    return new DedupOptions(new MinHashParams(ngram, bands, rows, seed), threshold, !noVerify,
        SurvivorChoice.parse(survivor), survivorScoreColumn, !noUrl, !noExact, !noMinhash,
        new ParagraphOptions(paragraphs, paragraphMinChars, paragraphMaxDocs), DedupOptions.DEFAULTS.maxIterations(), false,
        broadcastDropsUpTo, componentsInOneTaskUpTo);
  }

  @Override
  public Stage stage() {
    return new DedupStage(options());
  }

  @Override
  public Integer call() {
    DedupOptions options = options();
    SparkSession session = spark.session("curate dedup");
    DedupStage stage = (DedupStage) stage();
    long start = System.nanoTime();
    StageCounts counts = stage.run(session, inputs, output);
    StageReport report = StageReport.of(stage.name(), counts, (System.nanoTime() - start) / 1e9);
    new ReportWriter(session.sparkContext().hadoopConfiguration()).writeStageStats(output, report);
    System.out.println("dedup: in=" + report.in() + " out=" + report.out() + " dropped=" + report.dropped()
        + " failed=" + report.failed() + " -> " + output);
    DedupMetrics m = stage.metrics();
    System.out.printf(java.util.Locale.ROOT, "dedup: duplicate rate %.2f%%; %d candidate edges, %d verified, %d near-duplicate clusters (%d component rounds)%n",
        report.in() == 0 ? 0.0 : 100.0 * counts.droppedTotal() / report.in(), m.candidateEdges(), m.verifiedEdges(),
        m.components(), m.componentRounds());
    printClusters(session);
    return 0;
  }

  /** Cluster-size histogram and the three largest clusters, for a first look without a notebook. */
  private void printClusters(SparkSession session) {
    String dir = output + "/" + DedupStage.CLUSTERS_DIR;
    if (!new java.io.File(dir).isDirectory() && !dir.contains(":")) {
      return;
    }
    var clusters = session.read().parquet(dir);
    System.out.println("dedup: cluster sizes (kind, size, clusters):");
    for (Row r : clusters.groupBy("kind", "size").count().orderBy("kind", "size").collectAsList()) {
      System.out.println("  " + r.getString(0) + "\t" + r.getLong(1) + "\t" + r.getLong(2));
    }
    for (Row r : clusters.orderBy(col("size").desc(), col("survivor")).limit(3).collectAsList()) {
      List<String> members = r.getList(3);
      System.out.println("  e.g. " + r.getString(0) + " cluster of " + r.getLong(4) + ", kept " + r.getString(2) + ": "
          + (members.size() > 6 ? members.subList(0, 6) + "..." : members));
    }
  }

  /** Runs the command alone (until it is registered as a subcommand of {@code curate}). */
  public static void main(String[] args) {
    int code = new CommandLine(new DedupCommand()).execute(args);
    SparkSession.getActiveSession().foreach(s -> {
      s.stop();
      return null;
    });
    System.exit(code);
  }
}
