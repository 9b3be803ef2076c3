package org.curate.jobs.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.curate.jobs.SparkTestSupport;
import org.junit.jupiter.api.Test;

class ExactGroupsTest {

  /** One input row: its key, id (null for some) and row number. */
  private record Doc(long hi, long lo, String id, long row) {}

  @Test
  void everyRowNamesItsGroupsSmallestRankAndTheSurvivorCarriesSizeMembersAndBandKeys() {
    SparkSession spark = SparkTestSupport.spark();
    // Seeded: 600 rows over 200 keys (singletons and groups of every size up to a 40-member
    // group), keys sharing a high half, some ids missing, rows shuffled over 3 partitions.
    Random random = new Random(5);
    List<Doc> docs = new ArrayList<>();
    for (long row = 0; row < 600; row++) {
      long key = row < 40 ? 999 : random.nextInt(200);
      String id = random.nextInt(10) == 0 ? null : "d" + random.nextInt(1000);
      docs.add(new Doc(key % 7, key, id, row * 8_589_934_592L + row));
    }
    StructType schema = new StructType().add("exact_hi", DataTypes.LongType).add("exact_lo", DataTypes.LongType)
        .add("id", DataTypes.StringType).add("_row", DataTypes.LongType).add("band_keys", DataTypes.BinaryType);
    List<Row> rows = new ArrayList<>();
    for (Doc d : docs) {
      rows.add(RowFactory.create(d.hi(), d.lo(), d.id(), d.row(), new byte[] {(byte) d.row()}));
    }
    Dataset<Row> live = spark.createDataFrame(rows, schema).repartition(3)
        .withColumn("rank", struct(col("id").isNull().as("id_missing"), col("id").as("id"), col("_row").as("_row")));

    List<Row> out = ExactGroups.of(live, 2).collectAsList();

    // The same rule in plain Java: per key, the smallest (id missing, id, row).
    Comparator<Doc> rank = Comparator.comparing((Doc d) -> d.id() == null)
        .thenComparing(Doc::id, Comparator.nullsFirst(Comparator.naturalOrder())).thenComparingLong(Doc::row);
    Map<List<Long>, List<Doc>> groups = new HashMap<>();
    docs.forEach(d -> groups.computeIfAbsent(List.of(d.hi(), d.lo()), k -> new ArrayList<>()).add(d));
    Map<Long, Doc> bestOf = new HashMap<>();
    Map<Long, Integer> sizeOf = new HashMap<>();
    groups.values().forEach(g -> {
      Doc best = g.stream().min(rank).orElseThrow();
      g.forEach(d -> {
        bestOf.put(d.row(), best);
        sizeOf.put(d.row(), g.size());
      });
    });

    assertThat(out).hasSize(docs.size());
    Map<Long, Row> byRow = new TreeMap<>();
    out.forEach(r -> byRow.put(r.getLong(0), r));
    assertThat(byRow).hasSize(docs.size());
    int survivors = 0;
    for (Doc d : docs) {
      Row r = byRow.get(d.row());
      Doc best = bestOf.get(d.row());
      assertThat(r.getLong(1)).as("best row of %s", d).isEqualTo(best.row());
      assertThat(r.getString(2)).isEqualTo(best.id());
      if (d.row() == best.row()) {
        survivors++;
        assertThat((byte[]) r.get(3)).containsExactly((byte) d.row());
        assertThat(r.getStruct(4).getLong(2)).isEqualTo(d.row());
        assertThat(r.getLong(5)).isEqualTo((long) sizeOf.get(d.row()));
        if (sizeOf.get(d.row()) > 1) {
          List<String> expected = groups.get(List.of(d.hi(), d.lo())).stream().map(Doc::id).toList();
          assertThat(r.<String>getList(6)).containsExactlyInAnyOrderElementsOf(expected);
        } else {
          assertThat(r.isNullAt(6)).isTrue();
        }
      } else {
        assertThat(r.isNullAt(3) && r.isNullAt(4) && r.isNullAt(5) && r.isNullAt(6)).isTrue();
      }
    }
    assertThat(survivors).isEqualTo(groups.size());
    assertThat(groups.get(List.of(999L % 7, 999L))).hasSizeGreaterThanOrEqualTo(40);
  }
}
