package org.curate.jobs.filter;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.curate.core.StageCounts;
import org.curate.extract.ExtractOptions;
import org.curate.jobs.report.StageSection;
import org.curate.jobs.spark.DocumentSchema;
import org.curate.jobs.spark.DocumentSources;
import org.curate.jobs.spark.OutcomeWriter;
import org.curate.jobs.spark.Stage;

/**
 * The filter stage: runs the configured filter chain (language, quality, safety, PII, ...) over
 * documents; each drop is counted under the filter's reason code, each rewrite under its change
 * code. The chain is built once on the driver first, so a bad config or a missing model or list
 * fails before any Spark work. A chain with {@code top_fraction} model filters first runs a scoring
 * pre-pass ({@link TopFractionPass}) for their thresholds, which it logs and writes to the stage's
 * {@code _report.json}; other chains run in one pass.
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
    if (TopFractionPass.links(config).isEmpty()) {
      return OutcomeWriter.write(spark, NAME, apply(documents, config), outputDir);
    }
    // A top-fraction rule needs every score before any decision: score first, then filter. The
    // input is cached so that the pre-pass does not read (or extract) it again.
    Dataset<Row> cached = documents.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      TopFractionPass pass = TopFractionPass.run(cached, config);
      StageCounts counts = OutcomeWriter.write(spark, NAME, apply(cached, pass.config()), outputDir);
      StageSection section = new StageSection("Model keep rules (top fraction)");
      pass.metrics().forEach(section::metric);
      section.table("top-fraction thresholds (kept fraction: documents scoring at or above the threshold, of "
              + "those the filter scored)", TopFractionPass.columns(), pass.rows())
          .write(spark.sparkContext().hadoopConfiguration(), outputDir);
      return counts;
    } finally {
      cached.unpersist();
    }
  }

  private static Dataset<Row> apply(Dataset<Row> documents, FilterConfig config) {
    return documents.mapPartitions(new ApplyFilterChain(config), Encoders.row(DocumentSchema.OUTCOME));
  }
}
