package org.curate.jobs.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.curate.dedup.ComponentsFixture;
import org.curate.jobs.SparkTestSupport;
import org.junit.jupiter.api.Test;

class ConnectedComponentsTest {

  @Test
  void findsEachComponentsMinimumForChainsStarsAndCycles() {
    SparkSession spark = SparkTestSupport.spark();
    StructType schema = new StructType().add("src", DataTypes.LongType).add("dst", DataTypes.LongType);
    List<Row> edges = new ArrayList<>();
    for (long[] e : ComponentsFixture.edges()) {
      edges.add(RowFactory.create(e[0], e[1]));
    }
    Dataset<Row> df = spark.createDataFrame(edges, schema);
    ConnectedComponents.Result result = ConnectedComponents.of(df, 40);
    Map<Long, Long> component = new TreeMap<>();
    result.components().collectAsList().forEach(r -> component.put(r.getLong(0), r.getLong(1)));
    // The rounds ignore self-loops, so a vertex with no other edge has no row (dedup never makes one).
    Map<Long, Long> expected = ComponentsFixture.labels();
    expected.remove(ComponentsFixture.SELF_LOOP);
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
