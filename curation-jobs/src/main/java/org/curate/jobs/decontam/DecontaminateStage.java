package org.curate.jobs.decontam;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.curate.core.StageCounts;
import org.curate.decontam.Benchmark;
import org.curate.decontam.BenchmarkLoader;
import org.curate.decontam.ContaminationReport;
import org.curate.decontam.DecontamConfig;
import org.curate.decontam.Decontaminator;
import org.curate.decontam.LocalDecontamination;
import org.curate.decontam.ProtectedIndex;
import org.curate.extract.ExtractOptions;
import org.curate.jobs.spark.DocumentSchema;
import org.curate.jobs.spark.DocumentSources;
import org.curate.jobs.spark.OutcomeWriter;
import org.curate.jobs.spark.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmark decontamination (AFM's rule by default): the driver loads the benchmarks folder and
 * builds the protected n-gram index, which is broadcast; pass 1 scans every document for
 * protected n-grams and counts, per n-gram, the documents containing it (its collision count);
 * n-grams counted in at least {@code common_usage_threshold} documents are excused as common
 * usage; pass 2 drops (or, in window mode, cuts) every document with a protected n-gram that is
 * not excused, under {@code decontam:<benchmark>}. Writes the usual Parquet, {@code _rejects/}
 * and counts, and {@code _contamination.json} (per-benchmark report) next to {@code _stats.json}.
 *
 * <p>The scan results are persisted between the passes, so documents are read and tokenised
 * once. The index must fit in executor memory (about 14 bytes per protected n-gram: 23 MB for
 * the five shared benchmarks); there is no join fallback for larger ones.
 */
public final class DecontaminateStage implements Stage {
  public static final String NAME = "decontaminate";
  public static final String REPORT_FILE = "_contamination.json";
  private static final Logger LOG = LoggerFactory.getLogger(DecontaminateStage.class);
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final DecontamConfig config;
  private final Path benchmarksDir;
  private ContaminationReport lastReport;

  public DecontaminateStage(DecontamConfig config, Path benchmarksDir) {
    this.config = config;
    this.benchmarksDir = benchmarksDir;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The report of the last {@link #run}, or null before one. */
  public ContaminationReport lastReport() {
    return lastReport;
  }

  /** Loads the benchmarks (Parquet files through Spark) and checks there is something to protect. */
  public static List<Benchmark> loadBenchmarks(SparkSession spark, Path dir, DecontamConfig config) {
    List<Benchmark> benchmarks = new BenchmarkLoader(file -> parquetRecords(spark, file)).load(dir, config.mappings());
    if (benchmarks.isEmpty()) {
      throw new IllegalArgumentException("no benchmark files in " + dir);
    }
    return benchmarks;
  }

  private static List<JsonNode> parquetRecords(SparkSession spark, Path file) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> out = new ArrayList<>();
    for (String json : spark.read().parquet(file.toAbsolutePath().toUri().toString()).toJSON().collectAsList()) {
      out.add(mapper.readTree(json));
    }
    return out;
  }

  @Override
  public StageCounts run(SparkSession spark, List<String> inputs, String outputDir) {
    List<Benchmark> benchmarks = loadBenchmarks(spark, benchmarksDir, config);
    ProtectedIndex index = ProtectedIndex.build(benchmarks, config.options());
    LOG.info("{}: {} benchmark(s), {} items, {} protected n-grams, index {} MB, window lengths {}", NAME,
        benchmarks.size(), benchmarks.stream().mapToInt(b -> b.items().size()).sum(), index.entries(),
        index.bytes() >> 20, java.util.Arrays.toString(index.lengths()));
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<Decontaminator> decontaminator = jsc.broadcast(new Decontaminator(index, config.options()));

    Dataset<Row> documents = DocumentSources.read(spark, NAME, inputs, ExtractOptions.defaults());
    Dataset<Row> scanned = documents.mapPartitions(new DecontamRows.Scan(decontaminator), Encoders.row(DecontamRows.SCANNED))
        .persist(StorageLevel.MEMORY_AND_DISK());
    Broadcast<long[]> excusedBroadcast = null;
    try {
      // Pass 1: collision count = documents containing each protected n-gram (a document counts once).
      List<Row> collisions = scanned.filter(col(DecontamRows.HITS).isNotNull())
          .select(explode(col(DecontamRows.HITS)).as("fp")).groupBy("fp").count().orderBy("fp").collectAsList();
      long[] keys = new long[collisions.size()];
      long[] counts = new long[collisions.size()];
      for (int i = 0; i < keys.length; i++) {
        keys[i] = collisions.get(i).getLong(0);
        counts[i] = collisions.get(i).getLong(1);
      }
      long[] excused = LocalDecontamination.commonUsage(keys, counts, config.options().commonUsageThreshold());
      long scannedDocs = scanned.filter(col("outcome").equalTo(DocumentSchema.KEPT)).count();
      LOG.info("{}: {} documents scanned, {} distinct protected n-grams found, {} excused as common usage", NAME,
          scannedDocs, keys.length, excused.length);
      excusedBroadcast = jsc.broadcast(excused);

      // Pass 2: drop (or cut) documents with a protected n-gram that is not common usage.
      Dataset<Row> outcomes = scanned.mapPartitions(new DecontamRows.Judge(decontaminator, excusedBroadcast),
          Encoders.row(DocumentSchema.OUTCOME));
      StageCounts stageCounts = OutcomeWriter.write(spark, NAME, outcomes, outputDir);

      long[] dropped = new long[index.benchmarks()];
      long[] cut = new long[index.benchmarks()];
      for (int b = 0; b < index.benchmarks(); b++) {
        dropped[b] = stageCounts.dropped().getOrDefault(index.benchmarkReason(b), 0L);
        cut[b] = stageCounts.changed().getOrDefault(LocalDecontamination.cutCode(index, b), 0L);
      }
      lastReport = ContaminationReport.build(benchmarks, index, config.options(), keys, counts, scannedDocs,
          dropped, cut, 20);
      writeReport(spark, outputDir, lastReport);
      return stageCounts;
    } finally {
      scanned.unpersist();
      decontaminator.destroy();
      if (excusedBroadcast != null) {
        excusedBroadcast.destroy();
      }
    }
  }

  private static void writeReport(SparkSession spark, String outputDir, ContaminationReport report) {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(outputDir, REPORT_FILE);
    try {
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      try (FSDataOutputStream out = fs.create(path, true)) {
        ((OutputStream) out).write((JSON.writeValueAsString(report) + "\n").getBytes(StandardCharsets.UTF_8));
      }
      // The run report's section: totals and one row per benchmark.
      com.fasterxml.jackson.databind.JsonNode r = JSON.valueToTree(report);
      java.util.List<java.util.List<Object>> rows = new java.util.ArrayList<>();
      for (com.fasterxml.jackson.databind.JsonNode b : r.path("benchmarks")) {
        rows.add(java.util.List.of(b.path("name").asText(), b.path("items").asLong(), b.path("items_hit").asLong(),
            b.path("documents_dropped").asLong(), b.path("documents_cut").asLong()));
      }
      new org.curate.jobs.report.StageSection("Decontamination")
          .metric("documents scanned", r.path("documents").asLong())
          .metric("documents dropped", r.path("documents_dropped").asLong())
          .metric("protected n-grams", r.path("protected_ngrams").asLong())
          .metric("n-grams excused as common usage", r.path("common_usage").size())
          .table("per benchmark", java.util.List.of("benchmark", "items", "items hit", "documents dropped", "documents cut"), rows)
          .write(spark.sparkContext().hadoopConfiguration(), outputDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }
}
