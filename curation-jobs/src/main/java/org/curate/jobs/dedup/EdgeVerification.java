package org.curate.jobs.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.curate.dedup.CompactShingles;

/**
 * Keeps the candidate edges whose two documents really have Jaccard ≥ threshold, computed from
 * the packed 32-bit shingle fingerprints (about 1.6 KB for a 2 KB document) joined onto each
 * end of the edge. Texts are never shipped: they stay in the input files.
 */
final class EdgeVerification {
  private static final UserDefinedFunction JACCARD =
      udf((UDF2<byte[], byte[], Double>) CompactShingles::jaccardPacked, DataTypes.DoubleType);

  private EdgeVerification() {}

  /** {@code edges}: (src, dst); {@code shingles}: (vid, shingles). Returns (src, dst, jaccard) at or above threshold. */
  static Dataset<Row> verified(Dataset<Row> edges, Dataset<Row> shingles, double threshold) {
    Dataset<Row> a = shingles.select(col("vid").as("a_vid"), col("shingles").as("a_sh"));
    Dataset<Row> b = shingles.select(col("vid").as("b_vid"), col("shingles").as("b_sh"));
    return edges.join(a, edges.col("src").equalTo(a.col("a_vid")))
        .join(b, col("dst").equalTo(b.col("b_vid")))
        .select(col("src"), col("dst"), JACCARD.apply(col("a_sh"), col("b_sh")).as("jaccard"))
        .filter(col("jaccard").geq(threshold));
  }
}
