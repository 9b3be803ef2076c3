package org.curate.jobs.decontam;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
 * builds the protected n-gram index; pass 1 finds, in every document, the protected n-grams it
 * contains and counts, per n-gram, the documents containing it (its collision count); n-grams
 * counted in at least {@code common_usage_threshold} documents are excused as common usage;
 * pass 2 drops (or, in window mode, cuts) every document with a protected n-gram that is not
 * excused, under {@code decontam:<benchmark>}. Writes the usual Parquet, {@code _rejects/} and
 * counts, and the contamination report ({@link ContaminationOutputs}: {@code _contamination.json},
 * the {@code _contamination/} table, the report section and the {@code contamination} block of
 * {@code _stats.json}).
 *
 * <p>Pass 1 broadcasts the index (about 15 bytes per protected n-gram: 23 MB for the five shared
 * benchmarks) when it has at most {@code max_broadcast_ngrams} entries; above that it joins the
 * documents' window fingerprints against a Dataset of the protected ones ({@link ProtectedJoin}),
 * with the same hits. The scan results are persisted between the passes, so documents are read
 * and tokenised once.
 */
public final class DecontaminateStage implements Stage {
  public static final String NAME = "decontaminate";
  public static final String REPORT_FILE = ContaminationOutputs.JSON_FILE;
  public static final String TABLE_DIR = ContaminationOutputs.TABLE_DIR;
  private static final Logger LOG = LoggerFactory.getLogger(DecontaminateStage.class);

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

  @Override
  public Map<String, JsonNode> statsBlocks() {
    return lastReport == null ? Map.of() : Map.of(ContaminationOutputs.STATS_BLOCK, ContaminationOutputs.statsBlock(lastReport));
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
    boolean broadcast = index.entries() <= config.maxBroadcastNgrams();
    String delivery = broadcast ? "broadcast" : "join";
    LOG.info("{}: {} benchmark(s), {} items, {} protected n-grams, index {} MB, window lengths {}; {} (limit {} n-grams)",
        NAME, benchmarks.size(), benchmarks.stream().mapToInt(b -> b.items().size()).sum(), index.entries(),
        index.bytes() >> 20, Arrays.toString(index.lengths()), delivery, config.maxBroadcastNgrams());
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Decontaminator local = new Decontaminator(index, config.options());
    Broadcast<Decontaminator> decontaminator = broadcast ? jsc.broadcast(local) : null;
    ProtectedJoin join = new ProtectedJoin();

    Dataset<Row> documents = DocumentSources.read(spark, NAME, inputs, ExtractOptions.defaults());
    Dataset<Row> scanned = (broadcast
        ? documents.mapPartitions(new DecontamRows.Scan(decontaminator), Encoders.row(DecontamRows.SCANNED))
        : join.scan(spark, documents, index))
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
      Dataset<Row> outcomes = scanned.mapPartitions(
          new DecontamRows.Judge(decontaminator, local.judge(), excusedBroadcast), Encoders.row(DocumentSchema.OUTCOME));
      StageCounts stageCounts = OutcomeWriter.write(spark, NAME, outcomes, outputDir);

      long[] dropped = new long[index.benchmarks()];
      long[] cut = new long[index.benchmarks()];
      for (int b = 0; b < index.benchmarks(); b++) {
        dropped[b] = stageCounts.dropped().getOrDefault(index.benchmarkReason(b), 0L);
        cut[b] = stageCounts.changed().getOrDefault(LocalDecontamination.cutCode(index, b), 0L);
      }
      lastReport = ContaminationReport.build(benchmarks, index, config.options(), keys, counts, scannedDocs,
          dropped, cut, 20);
      ContaminationOutputs.write(spark, outputDir, lastReport, delivery);
      return stageCounts;
    } finally {
      scanned.unpersist();
      join.unpersist();
      if (decontaminator != null) {
        decontaminator.destroy();
      }
      if (excusedBroadcast != null) {
        excusedBroadcast.destroy();
      }
    }
  }
}
