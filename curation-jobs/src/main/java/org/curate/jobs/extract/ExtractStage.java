package org.curate.jobs.extract;

import java.util.ArrayList;
import java.util.List;
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

  /** The run report's section: documents per extraction mode, counted on the written output (one column read). */
  private static void writeReportSection(SparkSession spark, String outputDir) {
    List<List<Object>> rows = new ArrayList<>();
    for (Row r : spark.read().parquet(outputDir).groupBy("extraction_mode").count().orderBy("extraction_mode").collectAsList()) {
      rows.add(List.of(r.isNullAt(0) ? "none" : r.getString(0), r.getLong(1)));
    }
    new StageSection("Extraction")
        .table("documents by extraction mode", List.of("extraction_mode", "documents"), rows)
        .write(spark.sparkContext().hadoopConfiguration(), outputDir);
  }
}
