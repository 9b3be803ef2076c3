package org.curate.jobs.dedup;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Exact-duplicate groups: documents with the same 128-bit key of their normalised text, and in
 * each group the survivor, the member with the smallest rank. The rows are hashed by key and
 * sorted within each partition by (key, rank), which Spark does with a radix sort on the key's
 * first half, spilling when memory is short; one pass then streams through the groups holding
 * only the current group's ids. An aggregation with {@code collect_list} and {@code min_by}
 * would do the same in two object-aggregate passes that cost several times more per row.
 *
 * <p>One output row per input row: {@code _row}, the group's {@code best_row} and
 * {@code best_id}; on the survivor's row only, its {@code band_keys} and {@code rank}, the group
 * {@code size}, and for a group of two or more its {@code members}' ids (unsorted; nulls kept).
 */
final class ExactGroups {
  private ExactGroups() {}

  /**
   * {@code live}: columns {@code _row} (long), {@code id} (string), {@code exact_hi},
   * {@code exact_lo} (longs, not null), {@code band_keys} (binary), {@code rank} (struct whose
   * order is the survivor order), grouped in {@code partitions} partitions.
   */
  static Dataset<Row> of(Dataset<Row> live, int partitions) {
    DataType rankType = live.schema().apply("rank").dataType();
    StructType schema = new StructType()
        .add("_row", DataTypes.LongType, false)
        .add("best_row", DataTypes.LongType, false)
        .add("best_id", DataTypes.StringType, true)
        .add("band_keys", DataTypes.BinaryType, true)
        .add("rank", rankType, true)
        .add("size", DataTypes.LongType, true)
        .add("members", DataTypes.createArrayType(DataTypes.StringType, true), true);
    return live.select("exact_hi", "exact_lo", "rank", "_row", "id", "band_keys")
        .repartition(partitions, col("exact_hi"), col("exact_lo"))
        .sortWithinPartitions("exact_hi", "exact_lo", "rank")
        .mapPartitions((MapPartitionsFunction<Row, Row>) GroupIterator::new, Encoders.row(schema));
  }

  /** Streams sorted (exact_hi, exact_lo, rank, _row, id, band_keys) rows into member rows. */
  private static final class GroupIterator implements Iterator<Row> {
    private final Iterator<Row> rows;
    private Row pending; // first row of the next group, read ahead
    private Row best;
    private final List<String> ids = new ArrayList<>();
    private Row next;

    GroupIterator(Iterator<Row> rows) {
      this.rows = rows;
      this.pending = rows.hasNext() ? rows.next() : null;
    }

    @Override
    public boolean hasNext() {
      if (next == null) {
        next = advance();
      }
      return next != null;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Row r = next;
      next = null;
      return r;
    }

    /** The next output row: a duplicate as soon as it is read, the survivor when its group ends. */
    private Row advance() {
      if (best != null) {
        if (rows.hasNext()) {
          Row r = rows.next();
          if (r.getLong(0) == best.getLong(0) && r.getLong(1) == best.getLong(1)) {
            ids.add(r.getString(4));
            return RowFactory.create(r.getLong(3), best.getLong(3), best.getString(4), null, null, null, null);
          }
          pending = r;
        }
        Row survivor = RowFactory.create(best.getLong(3), best.getLong(3), best.getString(4), best.get(5), best.get(2),
            (long) ids.size(), ids.size() > 1 ? ids.toArray(String[]::new) : null);
        best = null;
        return survivor;
      }
      if (pending == null) {
        return null;
      }
      best = pending;
      pending = null;
      ids.clear();
      ids.add(best.getString(4));
      return advance();
    }
  }
}
