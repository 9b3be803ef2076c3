package org.curate.jobs.dedup;

import static org.apache.spark.sql.functions.col;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.curate.dedup.LshBuckets;

/**
 * LSH candidates as edges between documents sharing a (band index, band key) bucket, linear in
 * the bucket size ({@link LshBuckets}). The (band, key, row) entries are hashed by (band, key)
 * into {@code partitions} partitions and sorted within each by (key, band, row), which Spark does
 * with a radix sort on the key and spills when memory is short; the buckets then stream through
 * {@link LshBuckets} one at a time. One shuffle and no per-bucket rows, where Spark's
 * {@code collect_list} aggregation would build a row for each of millions of mostly
 * single-member groups.
 */
final class CandidateEdges {
  private static final StructType BAND = new StructType()
      .add("band", DataTypes.IntegerType, false).add("key", DataTypes.LongType, false)
      .add("v", DataTypes.LongType, false);
  static final StructType EDGE = new StructType()
      .add("src", DataTypes.LongType, false).add("dst", DataTypes.LongType, false);

  private CandidateEdges() {}

  /**
   * {@code vertices}: columns {@code _row} (long), {@code band_keys} (packed longs). Returns
   * distinct (src, dst), src > dst; buckets grouped in {@code partitions} partitions.
   */
  static Dataset<Row> of(Dataset<Row> vertices, int partitions) {
    Dataset<Row> bands = vertices.select("_row", "band_keys").flatMap((FlatMapFunction<Row, Row>) r -> {
      long v = r.getLong(0);
      ByteBuffer keys = ByteBuffer.wrap((byte[]) r.get(1));
      List<Row> out = new ArrayList<>(keys.remaining() / 8);
      for (int band = 0; keys.remaining() >= 8; band++) {
        out.add(RowFactory.create(band, keys.getLong(), v));
      }
      return out.iterator();
    }, Encoders.row(BAND));
    return bands.repartition(partitions, col("band"), col("key"))
        .sortWithinPartitions("key", "band", "v")
        .mapPartitions((MapPartitionsFunction<Row, Row>) CandidateEdges::bucketEdges, Encoders.row(EDGE))
        .distinct();
  }

  private static Iterator<Row> bucketEdges(Iterator<Row> entries) {
    List<Row> out = new ArrayList<>();
    LshBuckets buckets = new LshBuckets((hi, lo) -> out.add(RowFactory.create(hi, lo)));
    while (entries.hasNext()) {
      Row r = entries.next();
      buckets.add(r.getInt(0), r.getLong(1), r.getLong(2));
    }
    buckets.finish();
    return out.iterator();
  }
}
