package org.curate.jobs.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.size;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * LSH candidates as edges between documents sharing a (band index, band key) bucket, linear in
 * the bucket size: a bucket of more than {@link #ALL_PAIRS_UP_TO} members links each member to
 * its smallest one (k − 1 edges instead of k(k−1)/2, so a boilerplate bucket of 10^5 documents
 * costs 10^5 edges, not 5·10^9), which keeps the bucket connected for connected components.
 *
 * <p>Small buckets (almost all of them: a family of near-duplicates) give all their pairs, at
 * most 120 per bucket. The reason is verification: with star edges only, a similar pair whose
 * members are both dissimilar to the bucket's minimum (a chain A~B~C with A the minimum) would be
 * rejected on both edges and lost unless another band links them.
 */
final class CandidateEdges {
  static final int ALL_PAIRS_UP_TO = 16;

  private static final StructType BAND = new StructType()
      .add("band", DataTypes.IntegerType, false).add("key", DataTypes.LongType, false)
      .add("v", DataTypes.LongType, false);
  static final StructType EDGE = new StructType()
      .add("src", DataTypes.LongType, false).add("dst", DataTypes.LongType, false);

  private CandidateEdges() {}

  /** {@code vertices}: columns {@code _row} (long), {@code band_keys} (packed longs). Returns distinct (src, dst), src > dst. */
  static Dataset<Row> of(Dataset<Row> vertices) {
    Dataset<Row> bands = vertices.select("_row", "band_keys").flatMap((FlatMapFunction<Row, Row>) r -> {
      long v = r.getLong(0);
      ByteBuffer keys = ByteBuffer.wrap((byte[]) r.get(1));
      List<Row> out = new ArrayList<>(keys.remaining() / 8);
      for (int band = 0; keys.remaining() >= 8; band++) {
        out.add(RowFactory.create(band, keys.getLong(), v));
      }
      return out.iterator();
    }, Encoders.row(BAND));
    Dataset<Row> buckets = bands.groupBy("band", "key").agg(collect_list("v").as("members"))
        .filter(size(col("members")).gt(1));
    return buckets.select("members").flatMap((FlatMapFunction<Row, Row>) CandidateEdges::edges, Encoders.row(EDGE))
        .distinct();
  }

  private static Iterator<Row> edges(Row bucket) {
    List<Long> members = bucket.getList(0);
    List<Row> out = new ArrayList<>();
    if (members.size() <= ALL_PAIRS_UP_TO) {
      for (int i = 0; i < members.size(); i++) {
        for (int k = i + 1; k < members.size(); k++) {
          long a = members.get(i);
          long b = members.get(k);
          if (a != b) {
            out.add(RowFactory.create(Math.max(a, b), Math.min(a, b)));
          }
        }
      }
    } else {
      long min = Long.MAX_VALUE;
      for (long m : members) {
        min = Math.min(min, m);
      }
      for (long m : members) {
        if (m != min) {
          out.add(RowFactory.create(m, min));
        }
      }
    }
    return out.iterator();
  }
}
