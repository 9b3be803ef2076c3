package org.curate.jobs.decontam;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.curate.decontam.ContaminationReport;
import org.curate.decontam.ContaminationReport.BenchmarkReport;
import org.curate.decontam.ContaminationReport.NgramCount;
import org.curate.jobs.report.StageSection;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Publishes one {@link ContaminationReport} in the four places a reader looks: the full
 * {@code _contamination.json}, the {@code _contamination/} Parquet table (one row per benchmark,
 * its top colliding n-grams nested), the run report's section ({@code _report.json}: totals, a
 * per-benchmark table and the top n-grams with an "excused" column), and the {@code contamination}
 * block of {@code _stats.json} ({@link #statsBlock}). Schemas in docs/ARCHITECTURE.md.
 */
final class ContaminationOutputs {
  static final String JSON_FILE = "_contamination.json";
  static final String TABLE_DIR = "_contamination";
  static final String STATS_BLOCK = "contamination";
  /** Rows of the report's top n-grams table: the HTML shows at most 200 rows per table anyway. */
  private static final int SECTION_NGRAM_ROWS = 200;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static final StructType NGRAM = new StructType()
      .add("ngram", DataTypes.StringType, false)
      .add("n", DataTypes.IntegerType, false)
      .add("documents", DataTypes.LongType, false)
      .add("excused", DataTypes.BooleanType, false)
      .add("benchmarks", DataTypes.createArrayType(DataTypes.StringType, false), false);
  static final StructType TABLE = new StructType()
      .add("benchmark", DataTypes.StringType, false)
      .add("reason", DataTypes.StringType, false)
      .add("files", DataTypes.IntegerType, false)
      .add("items", DataTypes.IntegerType, false)
      .add("items_too_short", DataTypes.IntegerType, false)
      .add("protected_ngrams", DataTypes.LongType, false)
      .add("items_hit", DataTypes.IntegerType, false)
      .add("ngrams_hit", DataTypes.IntegerType, false)
      .add("ngrams_excused", DataTypes.IntegerType, false)
      .add("documents_dropped", DataTypes.LongType, false)
      .add("documents_cut", DataTypes.LongType, false)
      .add("top_ngrams", DataTypes.createArrayType(NGRAM, false), false);

  private ContaminationOutputs() {}

  /** Writes the JSON file, the Parquet table and the report section into {@code outputDir}. */
  static void write(SparkSession spark, String outputDir, ContaminationReport report, String delivery) {
    Path json = new Path(outputDir, JSON_FILE);
    try {
      FileSystem fs = json.getFileSystem(spark.sparkContext().hadoopConfiguration());
      try (FSDataOutputStream out = fs.create(json, true)) {
        ((OutputStream) out).write((JSON.writeValueAsString(report) + "\n").getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + json, e);
    }
    writeTable(spark, outputDir, report);
    section(report, delivery).write(spark.sparkContext().hadoopConfiguration(), outputDir);
  }

  /** One row per benchmark, in load order, in one file (so an export keeps that order). */
  private static void writeTable(SparkSession spark, String outputDir, ContaminationReport report) {
    List<Row> rows = new ArrayList<>();
    for (BenchmarkReport b : report.benchmarks()) {
      List<Row> top = b.top_ngrams().stream().map(ContaminationOutputs::ngramRow).toList();
      rows.add(RowFactory.create(b.name(), b.reason(), b.files(), b.items(), b.items_too_short(), b.protected_ngrams(),
          b.items_hit(), b.ngrams_hit(), b.ngrams_excused(), b.documents_dropped(), b.documents_cut(),
          CollectionConverters.asScala(top).toSeq()));
    }
    spark.createDataFrame(rows, TABLE).coalesce(1).write().mode(SaveMode.Overwrite)
        .parquet(new Path(outputDir, TABLE_DIR).toString());
  }

  private static Row ngramRow(NgramCount c) {
    return RowFactory.create(c.ngram(), c.n(), c.documents(), c.excused(), CollectionConverters.asScala(c.benchmarks()).toSeq());
  }

  static StageSection section(ContaminationReport report, String delivery) {
    List<List<Object>> perBenchmark = new ArrayList<>();
    List<List<Object>> ngrams = new ArrayList<>();
    for (BenchmarkReport b : report.benchmarks()) {
      perBenchmark.add(List.of(b.name(), b.items(), b.items_hit(), b.documents_dropped(), b.documents_cut(),
          b.ngrams_hit(), b.ngrams_excused()));
      for (NgramCount c : b.top_ngrams()) {
        if (ngrams.size() < SECTION_NGRAM_ROWS) {
          ngrams.add(List.of(b.name(), c.ngram(), c.n(), c.documents(), c.excused()));
        }
      }
    }
    return new StageSection("Decontamination")
        .metric("documents scanned", report.documents())
        .metric("documents dropped", report.documents_dropped())
        .metric("documents cut", report.documents_cut())
        .metric("benchmarks", report.benchmarks().size())
        .metric("protected n-grams", report.protected_ngrams())
        .metric("index bytes", report.index_bytes())
        .metric("index delivered by", delivery)
        .metric("common-usage threshold", report.common_usage_threshold())
        .metric("n-grams excused as common usage", report.common_usage().size())
        .table("per benchmark", List.of("benchmark", "items", "items hit", "documents dropped", "documents cut",
            "n-grams hit", "n-grams excused"), perBenchmark)
        .table("top colliding n-grams (per benchmark, most documents first; excused = common usage, not a drop)",
            List.of("benchmark", "n-gram", "n", "documents", "excused"), ngrams);
  }

  /**
   * The {@code contamination} block of {@code _stats.json}: the report without its full list of
   * excused n-grams (only their number; each benchmark's top n-grams still show them, flagged).
   */
  static ObjectNode statsBlock(ContaminationReport report) {
    ObjectNode node = JSON.valueToTree(report);
    node.remove("common_usage");
    node.put("common_usage_ngrams", report.common_usage().size());
    return node;
  }
}
