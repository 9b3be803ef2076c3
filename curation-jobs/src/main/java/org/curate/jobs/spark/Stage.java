package org.curate.jobs.spark;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.curate.core.StageCounts;

/**
 * One stage of the pipeline on Spark: reads its inputs, writes Parquet to {@code outputDir}
 * together with {@code _stats.json} and {@code _rejects/}, and returns its checked counts.
 */
public interface Stage {
  /** The stage's name: its subcommand and its folder under the run's output. */
  String name();

  StageCounts run(SparkSession spark, List<String> inputs, String outputDir);
}
