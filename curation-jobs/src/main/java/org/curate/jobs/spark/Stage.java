package org.curate.jobs.spark;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
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

  /**
   * Blocks of its own that the stage adds to its {@code _stats.json} after the counts (read after
   * {@link #run}); e.g. decontaminate's {@code contamination}. None by default.
   */
  default Map<String, JsonNode> statsBlocks() {
    return Map.of();
  }
}
