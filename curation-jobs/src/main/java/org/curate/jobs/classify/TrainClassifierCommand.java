package org.curate.jobs.classify;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.xxhash64;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.curate.extract.ExtractOptions;
import org.curate.filters.fasttext.FastTextArgs;
import org.curate.filters.fasttext.FastTextModel;
import org.curate.filters.fasttext.FastTextPredictor;
import org.curate.filters.fasttext.FastTextTrainer;
import org.curate.filters.fasttext.ModelWriter;
import org.curate.filters.fasttext.Prediction;
import org.curate.jobs.cli.SparkOptions;
import org.curate.jobs.spark.DocumentSchema;
import org.curate.jobs.spark.DocumentSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code curate train-classifier}: a fastText supervised model from labelled documents, written
 * as {@code DIR/model.bin} (fastText's format: the CLI and the {@code quality_model} filter load
 * it) with {@code DIR/training.json} (counts, hyperparameters, held-out accuracy, CPU time).
 *
 * <p>Spark reads, cleans, labels, counts and samples the data; the driver trains. A classifier's
 * training set is small (DCLM's quality classifier: ~400k documents) and fastText's SGD is
 * sequential, so one core trains it in minutes, while averaging models trained on partitions
 * would cost accuracy for a speed-up the data size does not need. What reaches the driver is
 * bounded by {@code --max-examples}: when there are more, a seeded hash of the text picks which
 * (the same ones whatever the partitioning). Examples are ordered by that hash, which shuffles
 * the labels together as SGD needs, deterministically; training is single-threaded by default, so
 * the model file is byte-for-byte the same for the same input and seed ({@code --threads N} trades
 * that for speed, as fastText's threads do).
 */
@Command(name = "train-classifier", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Train a fastText-compatible classifier (quality, toxicity, ...) and write DIR/model.bin.",
        "Labelled data: --input (Parquet or JSONL with text and label columns), or two corpora --positives and "
            + "--negatives (any input curate reads: crawl files, Parquet, JSONL).",
        ""})
public final class TrainClassifierCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin SparkOptions spark;

  @Option(names = "--input", paramLabel = "PATH", arity = "1..*",
      description = "Labelled Parquet or JSONL (files or directories) with a text column and a label column.")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--label-column", paramLabel = "NAME", description = "Label column of --input (default: label).")
  String labelColumn = "label";

  @Option(names = "--text-column", paramLabel = "NAME", description = "Text column of --input (default: text).")
  String textColumn = "text";

  @Option(names = "--positives", paramLabel = "PATH", arity = "1..*",
      description = "Documents of the positive class (e.g. a reference corpus).")
  List<String> positives = new ArrayList<>();

  @Option(names = "--negatives", paramLabel = "PATH", arity = "1..*",
      description = "Documents of the negative class (e.g. a crawl sample).")
  List<String> negatives = new ArrayList<>();

  @Option(names = "--positive-label", paramLabel = "L", description = "Label of --positives (default: hq).")
  String positiveLabel = "hq";

  @Option(names = "--negative-label", paramLabel = "L", description = "Label of --negatives (default: cc).")
  String negativeLabel = "cc";

  @Option(names = "--output", paramLabel = "DIR", required = true, description = "Where model.bin and training.json go.")
  String output;

  @Option(names = "--max-examples", paramLabel = "N",
      description = "At most N documents reach the driver, chosen by a seeded hash (default: 1000000).")
  long maxExamples = 1_000_000;

  @Option(names = "--holdout", paramLabel = "F",
      description = "Fraction kept out of training to measure accuracy (default: 0.1; 0 trains on all).")
  double holdout = 0.1;

  @Option(names = "--seed", description = "Seed of the sample, the split and the model's initialization (default: 0).")
  long seed = 0;

  @Option(names = "--word-ngrams", description = "fastText -wordNgrams (default: 1; DCLM uses 2).")
  int wordNgrams = 1;

  @Option(names = "--epoch", description = "fastText -epoch (default: 5).")
  int epoch = 5;

  @Option(names = "--lr", description = "fastText -lr (default: 0.1).")
  double lr = 0.1;

  @Option(names = "--dim", description = "fastText -dim (default: 100).")
  int dim = 100;

  @Option(names = "--min-count", description = "fastText -minCount (default: 1).")
  int minCount = 1;

  @Option(names = "--bucket", description = "fastText -bucket (default: 2000000).")
  int bucket = 2_000_000;

  @Option(names = "--loss", description = "fastText -loss: softmax, ova (one-vs-all) or hs (hierarchical softmax); "
      + "ns is not implemented (default: softmax).")
  String loss = "softmax";

  @Option(names = "--threads", description = "Training threads on the driver (default: 1, deterministic; more run "
      + "fastText's lock-free Hogwild SGD: faster, but the model then differs from run to run).")
  int threads = 1;

  /** The {@code --loss} values fastText's CLI spells, and ours. */
  private static final Map<String, FastTextArgs.Loss> LOSSES = Map.of("softmax", FastTextArgs.Loss.SOFTMAX,
      "ova", FastTextArgs.Loss.ONE_VS_ALL, "hs", FastTextArgs.Loss.HIERARCHICAL_SOFTMAX);

  @Override
  public Integer call() {
    boolean corpora = !positives.isEmpty() || !negatives.isEmpty();
    if (inputs.isEmpty() == !corpora || (corpora && (positives.isEmpty() || negatives.isEmpty()))) {
      throw new ParameterException(spec.commandLine(), "give either --input, or both --positives and --negatives");
    }
    if (!LOSSES.containsKey(loss)) {
      throw new ParameterException(spec.commandLine(), "--loss " + loss + " is not supported; supported: softmax, ova, hs"
          + (loss.equals("ns") ? " (negative sampling is not implemented)" : ""));
    }
    if (maxExamples <= 0 || !(holdout >= 0 && holdout < 1)) {
      throw new ParameterException(spec.commandLine(), "--max-examples must be > 0 and --holdout in [0, 1)");
    }
    FastTextTrainer.Options options;
    try {
      options = new FastTextTrainer.Options(dim, epoch, lr, wordNgrams, minCount, bucket, 0, 0,
          LOSSES.get(loss), seed, threads);
      FastTextTrainer.labelToken(positiveLabel);
      FastTextTrainer.labelToken(negativeLabel);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    SparkSession session = spark.session("curate train-classifier");
    Dataset<Row> labelled = corpora
        ? documents(session, positives, positiveLabel).unionByName(documents(session, negatives, negativeLabel))
        : labelledInput(session);
    // Clean in Spark: one line per document (fastText reads lines), labels as single tokens.
    labelled = labelled.select(regexp_replace(col("text"), "[\\r\\n]+", " ").as("text"),
            regexp_replace(trim(col("label")), "\\s+", "_").as("label"))
        .where(col("text").isNotNull().and(trim(col("text")).notEqual("")).and(col("label").isNotNull())
            .and(col("label").notEqual("")))
        .withColumn("_key", xxhash64(col("text"), col("label"), lit(seed)))
        .cache();
    Map<String, Long> available = countsByLabel(labelled);
    long total = available.values().stream().mapToLong(Long::longValue).sum();
    if (available.size() < 2) {
      throw new IllegalArgumentException("train-classifier needs at least two labels, found " + available);
    }
    Dataset<Row> chosen = labelled.orderBy("_key", "text", "label");
    if (total > maxExamples) {
      chosen = chosen.limit((int) Math.min(Integer.MAX_VALUE, maxExamples));
    }
    long holdoutPerMille = Math.round(holdout * 1000);
    List<FastTextTrainer.Example> train = new ArrayList<>();
    List<FastTextTrainer.Example> test = new ArrayList<>();
    for (Iterator<Row> it = chosen.select(col("text"), col("label"), pmod(col("_key"), lit(1000L)).as("_bin"))
        .toLocalIterator(); it.hasNext(); ) {
      Row r = it.next();
      FastTextTrainer.Example e = FastTextTrainer.Example.of(r.getString(1), r.getString(0));
      (r.getLong(2) < holdoutPerMille ? test : train).add(e);
    }
    labelled.unpersist();
    if (train.isEmpty()) {
      throw new IllegalArgumentException("no training examples left after the holdout");
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long cpu0 = mx.getCurrentThreadCpuTime();
    long wall0 = System.nanoTime();
    FastTextTrainer trainer = new FastTextTrainer(options);
    FastTextModel model = trainer.train(train);
    // This thread's CPU time is the training's only when it trains alone.
    double trainCpuSeconds = threads == 1 ? (mx.getCurrentThreadCpuTime() - cpu0) / 1e9 : Double.NaN;
    double trainWallSeconds = (System.nanoTime() - wall0) / 1e9;
    double accuracy = test.isEmpty() ? Double.NaN : accuracy(model, test);
    writeOutputs(session, model, available, total, train.size(), test.size(), trainer.stats(), trainCpuSeconds,
        trainWallSeconds, accuracy);
    System.out.printf(Locale.ROOT,
        "train-classifier: %d documents %s, %d collected (max %d), %d trained, %d held out; %d words, %d labels; "
            + "training %s s CPU (%.1f s wall, %d thread(s)); held-out accuracy %s -> %s/model.bin%n",
        total, available, train.size() + test.size(), maxExamples, train.size(), test.size(), trainer.stats().words(),
        trainer.stats().labels(), Double.isNaN(trainCpuSeconds) ? "n/a" : String.format(Locale.ROOT, "%.1f",
            trainCpuSeconds), trainWallSeconds, threads, test.isEmpty() ? "n/a" : String.format(Locale.ROOT, "%.4f", accuracy), output);
    return 0;
  }

  /** Documents of any input kind curate reads, kept ones only, all with one label. */
  private static Dataset<Row> documents(SparkSession session, List<String> paths, String label) {
    return DocumentSources.read(session, "train-classifier", paths,
            new ExtractOptions(ExtractOptions.DEFAULT_MAX_PAYLOAD_BYTES))
        .where(col("outcome").equalTo(DocumentSchema.KEPT))
        .select(col("text"), lit(label).as("label"));
  }

  private Dataset<Row> labelledInput(SparkSession session) {
    List<String> parquet = new ArrayList<>();
    List<String> jsonl = new ArrayList<>();
    for (String in : inputs) {
      String lower = in.toLowerCase(Locale.ROOT);
      (lower.endsWith(".jsonl") || lower.endsWith(".json") || lower.endsWith(".jsonl.gz") || lower.endsWith(".json.gz")
          ? jsonl : parquet).add(in);
    }
    List<Dataset<Row>> parts = new ArrayList<>();
    if (!parquet.isEmpty()) {
      parts.add(session.read().parquet(parquet.toArray(String[]::new)));
    }
    if (!jsonl.isEmpty()) {
      StructType schema = new StructType().add(textColumn, DataTypes.StringType).add(labelColumn, DataTypes.StringType);
      parts.add(session.read().schema(schema).json(jsonl.toArray(String[]::new)));
    }
    Dataset<Row> out = null;
    for (Dataset<Row> p : parts) {
      for (String c : List.of(textColumn, labelColumn)) {
        if (!List.of(p.columns()).contains(c)) {
          throw new IllegalArgumentException("--input has no column '" + c + "' (columns: " + List.of(p.columns()) + ")");
        }
      }
      Dataset<Row> s = p.select(col(textColumn).cast(DataTypes.StringType).as("text"),
          col(labelColumn).cast(DataTypes.StringType).as("label"));
      out = out == null ? s : out.unionByName(s);
    }
    return out;
  }

  private static Map<String, Long> countsByLabel(Dataset<Row> labelled) {
    Map<String, Long> out = new TreeMap<>();
    for (Row r : labelled.groupBy("label").count().collectAsList()) {
      out.put(r.getString(0), r.getLong(1));
    }
    return out;
  }

  static double accuracy(FastTextModel model, List<FastTextTrainer.Example> test) {
    FastTextPredictor p = model.newPredictor();
    int correct = 0;
    for (FastTextTrainer.Example e : test) {
      List<Prediction> top = p.predict(e.text(), 1);
      correct += !top.isEmpty() && top.get(0).label().equals(FastTextTrainer.labelToken(e.labels().get(0))) ? 1 : 0;
    }
    return (double) correct / test.size();
  }

  private void writeOutputs(SparkSession session, FastTextModel model, Map<String, Long> available, long total,
      int trained, int heldOut, FastTextTrainer.Stats stats, double cpuSeconds, double wallSeconds, double accuracy) {
    try {
      Path dir = new Path(output);
      FileSystem fs = dir.getFileSystem(session.sparkContext().hadoopConfiguration());
      fs.mkdirs(dir);
      java.nio.file.Path local = Files.createTempFile("curate-model", ".bin");
      try {
        ModelWriter.write(model, local);
        fs.copyFromLocalFile(false, true, new Path(local.toUri()), new Path(dir, "model.bin"));
      } finally {
        Files.deleteIfExists(local);
      }
      ObjectMapper json = new ObjectMapper();
      ObjectNode root = json.createObjectNode();
      ObjectNode counts = root.putObject("documents_by_label");
      available.forEach(counts::put);
      root.put("documents", total);
      root.put("max_examples", maxExamples);
      root.put("trained", trained);
      root.put("held_out", heldOut);
      root.put("words", stats.words());
      root.put("labels", stats.labels());
      root.put("tokens", stats.tokens());
      if (!Double.isNaN(accuracy)) {
        root.put("held_out_accuracy", accuracy);
      }
      if (!Double.isNaN(cpuSeconds)) {
        root.put("train_cpu_seconds", cpuSeconds);
      }
      root.put("train_wall_seconds", wallSeconds);
      ObjectNode hp = root.putObject("hyperparameters");
      hp.put("word_ngrams", wordNgrams).put("epoch", epoch).put("lr", lr).put("dim", dim).put("min_count", minCount)
          .put("bucket", bucket).put("loss", loss).put("seed", seed).put("holdout", holdout).put("threads", threads);
      try (OutputStream out = fs.create(new Path(dir, "training.json"), true)) {
        out.write(json.writerWithDefaultPrettyPrinter().writeValueAsString(root).getBytes(StandardCharsets.UTF_8));
        out.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + output + ": " + e.getMessage(), e);
    }
  }
}
