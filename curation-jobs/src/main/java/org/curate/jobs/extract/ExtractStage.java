package org.curate.jobs.extract;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.curate.core.StageCounts;
import org.curate.extract.ExtractOptions;
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
    return OutcomeWriter.write(spark, NAME, DocumentSources.read(spark, NAME, inputs, options), outputDir);
  }
}
