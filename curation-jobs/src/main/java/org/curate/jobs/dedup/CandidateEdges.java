package org.curate.jobs.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.posexplode;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * LSH candidates as edges: documents sharing a (band index, band key) bucket are linked, each
 * to the bucket's smallest vertex. A bucket of k documents gives k − 1 edges instead of k(k−1)/2
 * pairs, so a boilerplate bucket with 10^5 members costs 10^5 edges, not 5·10^9; the bucket
 * stays connected, which is all connected components need. The price: with verification on,
 * only pairs (member, bucket minimum) are checked, so a similar pair whose members are both far
 * from their bucket's minimum is found only through another band or another path.
 */
final class CandidateEdges {
  private CandidateEdges() {}

  /** {@code vertices}: columns {@code vid}, {@code band_keys}. Returns distinct (src, dst) with src > dst. */
  static Dataset<Row> of(Dataset<Row> vertices) {
    Dataset<Row> buckets = vertices.select(col("vid"), posexplode(col("band_keys")).as(new String[] {"band", "key"}));
    return buckets.withColumn("bucket_min", min("vid").over(Window.partitionBy("band", "key")))
        .filter(col("vid").notEqual(col("bucket_min")))
        .select(col("vid").as("src"), col("bucket_min").as("dst"))
        .distinct();
  }
}
