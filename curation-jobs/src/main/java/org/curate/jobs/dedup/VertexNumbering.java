package org.curate.jobs.dedup;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Numbers documents 0, 1, 2, ... in survivor order (a distributed sort, then zipWithIndex), so
 * that "the document to keep" is always "the smallest number": in an exact group, a bucket or a
 * connected component alike. Numbers are dense longs, which also makes the graph steps cheaper
 * than on string ids.
 */
final class VertexNumbering {
  private VertexNumbering() {}

  static Dataset<Row> number(SparkSession spark, Dataset<Row> fingerprints, SurvivorChoice survivor) {
    StructType schema = fingerprints.schema().add("vid", DataTypes.LongType, false);
    int width = fingerprints.schema().size();
    JavaRDD<Row> rows = fingerprints.orderBy(survivor.order()).toJavaRDD().zipWithIndex().map(t -> {
      Object[] values = new Object[width + 1];
      for (int i = 0; i < width; i++) {
        values[i] = t._1().get(i);
      }
      values[width] = t._2();
      return RowFactory.create(values);
    });
    return spark.createDataFrame(rows, schema);
  }
}
