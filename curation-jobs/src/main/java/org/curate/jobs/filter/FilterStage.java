package org.curate.jobs.filter;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.curate.core.StageCounts;
import org.curate.extract.ExtractOptions;
import org.curate.jobs.spark.DocumentSchema;
import org.curate.jobs.spark.DocumentSources;
import org.curate.jobs.spark.OutcomeWriter;
import org.curate.jobs.spark.Stage;

/**
 * The filter stage: runs the configured filter chain (language, quality, safety, PII, ...) over
 * documents; each drop is counted under the filter's reason code, each rewrite under its change
 * code. The chain is built once on the driver first, so a bad config or a missing model or list
 * fails before any Spark work.
 */
public final class FilterStage implements Stage {
  public static final String NAME = "filter";
  private final FilterConfig config;

  /** Builds the chain once to check it (unknown filter or parameter, missing model or list). */
  public FilterStage(FilterConfig config) {
    FilterChains.build(config);
    this.config = config;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public StageCounts run(SparkSession spark, List<String> inputs, String outputDir) {
    Dataset<Row> documents = DocumentSources.read(spark, NAME, inputs, ExtractOptions.defaults());
    Dataset<Row> filtered = documents.mapPartitions(new ApplyFilterChain(config), Encoders.row(DocumentSchema.OUTCOME));
    return OutcomeWriter.write(spark, NAME, filtered, outputDir);
  }
}
