package org.curate.jobs.extract;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.curate.core.StageCounts;
import org.curate.extract.ExtractOptions;
import org.curate.jobs.io.InputResolver;
import org.curate.jobs.io.ResolvedInputs;
import org.curate.jobs.io.SerializableHadoopConf;
import org.curate.jobs.spark.DocumentInputs;
import org.curate.jobs.spark.OutcomeWriter;
import org.curate.jobs.spark.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extract stage: crawl files (WARC/ARC/WET) → one document per HTML response (main text and
 * title), one Spark task per file; Parquet and JSONL inputs pass through into the same schema.
 */
public final class ExtractStage implements Stage {
  public static final String NAME = "extract";
  private static final Logger LOG = LoggerFactory.getLogger(ExtractStage.class);
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
    ResolvedInputs resolved = new InputResolver(spark.sparkContext().hadoopConfiguration()).resolve(inputs);
    LOG.info("extract: {} crawl file(s), {} Parquet input(s), {} JSONL file(s) -> {}",
        resolved.crawlFiles().size(), resolved.parquetPaths().size(), resolved.jsonlFiles().size(), outputDir);
    List<Dataset<Row>> parts = new ArrayList<>();
    if (!resolved.crawlFiles().isEmpty()) {
      parts.add(crawlOutcomes(spark, resolved.crawlFiles()));
    }
    if (!resolved.parquetPaths().isEmpty()) {
      parts.add(DocumentInputs.parquet(spark, resolved.parquetPaths()));
    }
    if (!resolved.jsonlFiles().isEmpty()) {
      parts.add(DocumentInputs.jsonl(spark, resolved.jsonlFiles()));
    }
    if (parts.isEmpty()) {
      throw new InputResolver.InputException("no input files in " + inputs);
    }
    Dataset<Row> outcomes = parts.get(0);
    for (Dataset<Row> part : parts.subList(1, parts.size())) {
      outcomes = outcomes.unionByName(part);
    }
    return OutcomeWriter.write(spark, NAME, outcomes, outputDir);
  }

  private Dataset<Row> crawlOutcomes(SparkSession spark, List<String> files) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    SerializableHadoopConf conf = new SerializableHadoopConf(spark.sparkContext().hadoopConfiguration());
    // One partition per file: a file is read by one task, sequentially, from the start.
    JavaRDD<Row> rows = jsc.parallelize(files, files.size()).flatMap(new ExtractFile(conf, options));
    return spark.createDataFrame(rows, org.curate.jobs.spark.DocumentSchema.OUTCOME);
  }
}
