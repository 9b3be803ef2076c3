package org.curate.jobs.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.util.sketch.BloomFilter;
import org.curate.dedup.CompactShingles;

/**
 * Keeps the candidate edges whose two documents really have Jaccard ≥ threshold, computed from
 * the packed 32-bit shingle fingerprints (about 1.4 KB for a 2 KB document) joined onto each
 * end of the edge. Texts are never shipped: they stay in the input files.
 *
 * <p>Only documents on some candidate edge (a minority) need their shingles moved. Before the
 * two joins, the fingerprint table is filtered map-side by a Bloom filter of the candidate
 * vertices (1 % false positives, about 1.2 bytes per vertex, built on the executors and
 * broadcast): the shuffle carries those documents' shingles only, not the whole table's.
 */
final class EdgeVerification {
  private static final UserDefinedFunction JACCARD =
      udf((UDF2<byte[], byte[], Double>) CompactShingles::jaccardPacked, DataTypes.DoubleType);

  private EdgeVerification() {}

  /**
   * {@code edges}: (src, dst), {@code candidateCount} rows; {@code shingles}: (_row, id, shingles).
   * Returns (src, dst, id_a, id_b, jaccard) at or above threshold.
   */
  static Dataset<Row> verified(Dataset<Row> edges, long candidateCount, Dataset<Row> shingles, double threshold) {
    if (candidateCount == 0) {
      // No candidates (no two documents share a band): nothing to verify, and Spark cannot build
      // a Bloom filter over an empty column.
      return edges.select(col("src"), col("dst"), lit(null).cast(DataTypes.StringType).as("id_a"),
          lit(null).cast(DataTypes.StringType).as("id_b"), lit(null).cast(DataTypes.DoubleType).as("jaccard"));
    }
    Dataset<Row> ends = edges.select(col("src").as("v")).union(edges.select(col("dst").as("v")));
    BloomFilter bloom = ends.stat().bloomFilter("v", Math.max(1, 2 * candidateCount), 0.01);
    Broadcast<BloomFilter> shared = JavaSparkContext.fromSparkContext(edges.sparkSession().sparkContext()).broadcast(bloom);
    UserDefinedFunction onEdge = udf((UDF1<Long, Boolean>) v -> shared.value().mightContainLong(v), DataTypes.BooleanType);
    Dataset<Row> needed = shingles.filter(onEdge.apply(col("_row")));
    Dataset<Row> a = needed.select(col("_row").as("a_row"), col("id").as("id_a"), col("shingles").as("a_sh"));
    Dataset<Row> b = needed.select(col("_row").as("b_row"), col("id").as("id_b"), col("shingles").as("b_sh"));
    return edges.join(a, edges.col("src").equalTo(a.col("a_row")))
        .join(b, col("dst").equalTo(b.col("b_row")))
        .select(col("src"), col("dst"), col("id_a"), col("id_b"), JACCARD.apply(col("a_sh"), col("b_sh")).as("jaccard"))
        .filter(col("jaccard").geq(threshold));
  }
}
