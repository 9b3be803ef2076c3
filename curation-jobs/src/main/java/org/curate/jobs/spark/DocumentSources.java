package org.curate.jobs.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.curate.extract.ExtractOptions;
import org.curate.jobs.extract.ExtractFile;
import org.curate.jobs.io.InputResolver;
import org.curate.jobs.io.ResolvedInputs;
import org.curate.jobs.io.SerializableHadoopConf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The documents of a stage's {@code --input}, whatever their form, as outcome rows
 * ({@link DocumentSchema#OUTCOME}): crawl files are extracted (one Spark task per file), Parquet
 * and JSONL are mapped into the document schema. So every stage accepts every input kind, and
 * records that could not become documents are counted by the stage that read them.
 */
public final class DocumentSources {
  private static final Logger LOG = LoggerFactory.getLogger(DocumentSources.class);

  private DocumentSources() {}

  public static Dataset<Row> read(SparkSession spark, String stage, List<String> inputs, ExtractOptions options) {
    ResolvedInputs resolved = new InputResolver(spark.sparkContext().hadoopConfiguration()).resolve(inputs);
    LOG.info("{}: {} crawl file(s), {} Parquet input(s), {} JSONL file(s)", stage,
        resolved.crawlFiles().size(), resolved.parquetPaths().size(), resolved.jsonlFiles().size());
    List<Dataset<Row>> parts = new ArrayList<>();
    if (!resolved.crawlFiles().isEmpty()) {
      parts.add(crawl(spark, resolved.crawlFiles(), options));
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
    return outcomes;
  }

  private static Dataset<Row> crawl(SparkSession spark, List<String> files, ExtractOptions options) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    SerializableHadoopConf conf = new SerializableHadoopConf(spark.sparkContext().hadoopConfiguration());
    // One partition per file: a file is read by one task, sequentially, from the start.
    JavaRDD<Row> rows = jsc.parallelize(files, files.size()).flatMap(new ExtractFile(conf, options));
    return spark.createDataFrame(rows, DocumentSchema.OUTCOME);
  }
}
