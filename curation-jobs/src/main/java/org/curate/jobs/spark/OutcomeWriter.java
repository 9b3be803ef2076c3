package org.curate.jobs.spark;

import static org.apache.spark.sql.functions.col;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.curate.core.StageCounts;

/**
 * Splits a stage's outcome rows into its Parquet output (kept documents) and {@code _rejects/}
 * (every dropped or failed record with its reason and source), and counts them. Counts come
 * from aggregating the rows, not from accumulators, which retried tasks can double-count; the
 * number kept is read back from the written Parquet, so a write that loses rows breaks the
 * conservation check instead of going unnoticed.
 */
public final class OutcomeWriter {
  public static final String REJECTS_DIR = "_rejects";

  private OutcomeWriter() {}

  public static StageCounts write(SparkSession spark, String stage, Dataset<Row> outcomes, String outputDir) {
    Dataset<Row> cached = outcomes.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Column[] documentColumns = java.util.Arrays.stream(DocumentSchema.DOCUMENT.fieldNames())
          .map(c -> col(c)).toArray(Column[]::new);
      cached.filter(col("outcome").equalTo(DocumentSchema.KEPT)).select(documentColumns)
          .write().mode(SaveMode.Overwrite).parquet(outputDir);
      Column[] rejectColumns = java.util.Arrays.stream(DocumentSchema.REJECT.fieldNames())
          .map(c -> col(c)).toArray(Column[]::new);
      cached.filter(col("outcome").notEqual(DocumentSchema.KEPT)).select(rejectColumns)
          .coalesce(1).write().mode(SaveMode.Overwrite).parquet(outputDir + "/" + REJECTS_DIR);

      // One aggregation for all counts: the distinct (outcome, reason, change list) combinations
      // are few, so the change codes are tallied from them on the driver.
      long in = 0;
      Map<String, Long> dropped = new HashMap<>();
      Map<String, Long> failed = new HashMap<>();
      Map<String, Long> changed = new HashMap<>();
      for (Row r : cached.groupBy("outcome", "reason", "changes").count().collectAsList()) {
        long n = r.getLong(3);
        in += n;
        switch (r.getString(0)) {
          case DocumentSchema.DROPPED -> dropped.merge(r.getString(1), n, Long::sum);
          case DocumentSchema.FAILED -> failed.merge(r.getString(1), n, Long::sum);
          default -> {
            if (!r.isNullAt(2)) {
              for (String change : r.<String>getList(2)) {
                changed.merge(change, n, Long::sum);
              }
            }
          }
        }
      }
      long out = spark.read().parquet(outputDir).count();
      return new StageCounts(in, out, dropped, failed).withChanged(changed).checkConservation(stage);
    } finally {
      cached.unpersist();
    }
  }
}
