package org.curate.jobs.extract;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.curate.core.StageCounts;
import org.curate.extract.ExtractOptions;
import org.curate.jobs.report.StageSection;
import org.curate.jobs.spark.DocumentSources;
import org.curate.jobs.spark.OutcomeWriter;
import org.curate.jobs.spark.Stage;

/**
 * The extract stage: crawl files (WARC/ARC/WET) → one document per HTML response (main text and
 * title), one Spark task per file; Parquet and JSONL inputs pass through into the same schema.
 */
public final class ExtractStage implements Stage {
  public static final String NAME = "extract";
  private static final int TOP_LANG_HINTS = 20;
  private final ExtractOptions options;

  public ExtractStage(ExtractOptions options) {
    this.options = options;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public StageCounts run(SparkSession spark, List<String> inputs, String outputDir) {
    StageCounts counts = OutcomeWriter.write(spark, NAME, DocumentSources.read(spark, NAME, inputs, options), outputDir);
    writeReportSection(spark, outputDir);
    return counts;
  }

  /**
   * The run report's section, counted on the written output (three columns read): documents per
   * extraction mode with how many of them declare a language / a publication date, and the most
   * frequent declared languages.
   */
  private static void writeReportSection(SparkSession spark, String outputDir) {
    Dataset<Row> docs = spark.read().parquet(outputDir).select("extraction_mode", "lang_hint", "published");
    List<List<Object>> modes = new ArrayList<>();
    for (Row r : docs.groupBy("extraction_mode").agg(count(lit(1)), count("lang_hint"), count("published"))
        .orderBy("extraction_mode").collectAsList()) {
      modes.add(List.of(r.isNullAt(0) ? "none" : r.getString(0), r.getLong(1), r.getLong(2), r.getLong(3)));
    }
    List<List<Object>> hints = new ArrayList<>();
    for (Row r : docs.filter(col("lang_hint").isNotNull()).groupBy("lang_hint").count()
        .orderBy(col("count").desc(), col("lang_hint")).limit(TOP_LANG_HINTS).collectAsList()) {
      hints.add(List.of(r.getString(0), r.getLong(1)));
    }
    new StageSection("Extraction")
        .table("documents by extraction mode", List.of("extraction_mode", "documents", "with lang_hint", "with published"), modes)
        .table("most frequent declared languages (lang_hint, top " + TOP_LANG_HINTS + ")", List.of("lang_hint", "documents"), hints)
        .write(spark.sparkContext().hadoopConfiguration(), outputDir);
  }
}
