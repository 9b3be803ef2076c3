package org.curate.jobs.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.curate.jobs.SparkTestSupport;
import org.junit.jupiter.api.Test;

class ConnectedComponentsTest {

  @Test
  void findsEachComponentsMinimumForChainsStarsAndCycles() {
    SparkSession spark = SparkTestSupport.spark();
    StructType schema = new StructType().add("src", DataTypes.LongType).add("dst", DataTypes.LongType);
    // A long chain in scrambled order (the worst case for naive label propagation), a cycle,
    // a star whose centre is not the minimum, a self-loop, and a duplicated reversed edge.
    List<Row> edges = List.of(
        RowFactory.create(9L, 4L), RowFactory.create(4L, 12L), RowFactory.create(12L, 1L), RowFactory.create(1L, 15L),
        RowFactory.create(15L, 7L), RowFactory.create(7L, 20L), RowFactory.create(20L, 7L),
        RowFactory.create(30L, 31L), RowFactory.create(31L, 32L), RowFactory.create(32L, 30L),
        RowFactory.create(50L, 41L), RowFactory.create(50L, 42L), RowFactory.create(50L, 43L),
        RowFactory.create(60L, 60L));
    Dataset<Row> df = spark.createDataFrame(edges, schema);
    ConnectedComponents.Result result = ConnectedComponents.of(df, 40);
    Map<Long, Long> component = new TreeMap<>();
    result.components().collectAsList().forEach(r -> component.put(r.getLong(0), r.getLong(1)));
    Map<Long, Long> expected = new TreeMap<>();
    for (long v : new long[] {9, 4, 12, 1, 15, 7, 20}) {
      expected.put(v, 1L);
    }
    for (long v : new long[] {30, 31, 32}) {
      expected.put(v, 30L);
    }
    for (long v : new long[] {50, 41, 42, 43}) {
      expected.put(v, 41L);
    }
    assertThat(component).isEqualTo(expected);
    assertThat(result.iterations()).isBetween(1, 10);
  }

  @Test
  void theSingleTaskFinishGivesTheSameComponentsAsDistributedRounds() {
    SparkSession spark = SparkTestSupport.spark();
    StructType schema = new StructType().add("src", DataTypes.LongType).add("dst", DataTypes.LongType);
    // A random sparse graph (seeded): chains, trees and cycles of many sizes, row-number-like ids.
    java.util.Random random = new java.util.Random(11);
    List<Row> edges = new java.util.ArrayList<>();
    for (int e = 0; e < 1500; e++) {
      edges.add(RowFactory.create((long) random.nextInt(2000) * 7919, (long) random.nextInt(2000) * 7919));
    }
    Dataset<Row> df = spark.createDataFrame(edges, schema).cache();
    long count = df.count();
    ConnectedComponents.Result rounds = ConnectedComponents.of(df, 40, 2, count, -1);
    ConnectedComponents.Result oneTask = ConnectedComponents.of(df, 40, 2, count, count);
    // Size unknown and the threshold at the input size: one distributed round, then the single task.
    ConnectedComponents.Result mixed = ConnectedComponents.of(df, 40, 2, Long.MAX_VALUE, count);
    Map<Long, Long> expected = labels(rounds);
    assertThat(rounds.iterations()).isGreaterThan(1);
    assertThat(expected).hasSizeGreaterThan(1000);
    assertThat(labels(oneTask)).isEqualTo(expected);
    assertThat(oneTask.iterations()).isZero();
    assertThat(labels(mixed)).isEqualTo(expected);
    assertThat(mixed.iterations()).isEqualTo(1);
    df.unpersist();
  }

  private static Map<Long, Long> labels(ConnectedComponents.Result result) {
    List<Row> rows = result.components().collectAsList();
    Map<Long, Long> out = new TreeMap<>();
    rows.forEach(r -> out.put(r.getLong(0), r.getLong(1)));
    assertThat(out).hasSize(rows.size()); // one label per vertex
    return out;
  }
}
