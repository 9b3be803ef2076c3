package org.curate.jobs.decontam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.curate.decontam.ContaminationJudge;
import org.curate.decontam.Decontaminator;
import org.curate.decontam.HitOwners;
import org.curate.jobs.spark.DocumentSchema;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Executor side of the decontaminate stage. Pass 1 ({@link Scan}, or {@link ProtectedJoin} when
 * the index is not broadcast) adds to each kept document the protected n-gram fingerprints it
 * contains (null when none, which is almost always); pass 2 ({@link Judge}) turns a document
 * whose fingerprints are not all excused as common usage into a drop ({@code decontam:<benchmark>})
 * or, in window mode, a cut. Upstream drops and failures pass through untouched, so the stage's
 * counts conserve.
 */
final class DecontamRows {
  static final String HITS = "decontam_hits";
  /** Join mode only (null otherwise): per hit, its benchmarks and first item, parallel to {@link #HITS}. */
  static final String HIT_OWNERS = "decontam_hit_owners";
  static final String HIT_ITEMS = "decontam_hit_items";
  static final StructType SCANNED = DocumentSchema.OUTCOME
      .add(HITS, DataTypes.createArrayType(DataTypes.LongType, false), true)
      .add(HIT_OWNERS, DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.IntegerType, false), false), true)
      .add(HIT_ITEMS, DataTypes.createArrayType(DataTypes.IntegerType, false), true);
  private static final int TEXT = DocumentSchema.OUTCOME.fieldIndex("text");
  private static final int OUTCOME = DocumentSchema.OUTCOME.fieldIndex("outcome");
  private static final int REASON = DocumentSchema.OUTCOME.fieldIndex("reason");
  private static final int DETAIL = DocumentSchema.OUTCOME.fieldIndex("detail");
  private static final int CHANGES = DocumentSchema.OUTCOME.fieldIndex("changes");
  private static final int HITS_INDEX = SCANNED.fieldIndex(HITS);
  private static final int OWNERS_INDEX = SCANNED.fieldIndex(HIT_OWNERS);
  private static final int ITEMS_INDEX = SCANNED.fieldIndex(HIT_ITEMS);

  private DecontamRows() {}

  /** Broadcast mode's pass 1: each executor scans with the whole index in memory. */
  static final class Scan implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<Decontaminator> decontaminator;

    Scan(Broadcast<Decontaminator> decontaminator) {
      this.decontaminator = decontaminator;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      Decontaminator d = decontaminator.value();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return rows.hasNext();
        }

        @Override
        public Row next() {
          Row row = rows.next();
          Object[] values = new Object[SCANNED.size()];
          for (int i = 0; i < row.length(); i++) {
            values[i] = row.get(i);
          }
          if (DocumentSchema.KEPT.equals(row.getString(OUTCOME)) && !row.isNullAt(TEXT)) {
            long[] hits = d.scan(row.getString(TEXT));
            if (hits.length > 0) {
              values[HITS_INDEX] = CollectionConverters.asScala(Arrays.stream(hits).boxed().toList()).toSeq();
            }
          }
          return RowFactory.create(values);
        }
      };
    }
  }

  /**
   * Pass 2. With the broadcast index, a hit's owners come from the index; in join mode they came
   * with the hit (the row's owner columns), so only the small {@link ContaminationJudge} ships.
   */
  static final class Judge implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<Decontaminator> decontaminator;
    private final ContaminationJudge judge;
    private final Broadcast<long[]> excused;

    /** @param decontaminator the broadcast index, or null in join mode */
    Judge(Broadcast<Decontaminator> decontaminator, ContaminationJudge judge, Broadcast<long[]> excused) {
      this.decontaminator = decontaminator;
      this.judge = judge;
      this.excused = excused;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      HitOwners index = decontaminator == null ? null : decontaminator.value().index();
      long[] common = excused.value();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return rows.hasNext();
        }

        @Override
        public Row next() {
          return judge(judge, index, common, rows.next());
        }
      };
    }

    static Row judge(ContaminationJudge judge, HitOwners index, long[] common, Row row) {
      Object[] values = new Object[DocumentSchema.OUTCOME.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = row.get(i);
      }
      if (row.isNullAt(HITS_INDEX)) {
        return RowFactory.create(values);
      }
      List<Long> boxed = row.getList(HITS_INDEX);
      long[] hits = boxed.stream().mapToLong(Long::longValue).toArray();
      HitOwners owners = index != null ? index : new RowOwners(hits, row.getList(OWNERS_INDEX), row.getList(ITEMS_INDEX));
      Decontaminator.Verdict v = judge.judge(row.getString(TEXT), hits, common, owners);
      if (v.dropped()) {
        values[OUTCOME] = DocumentSchema.DROPPED;
        values[REASON] = v.drop().reason();
        values[DETAIL] = v.drop().detail();
      } else if (v.cut()) {
        values[TEXT] = v.cutText();
        List<String> changes = new ArrayList<>();
        if (!row.isNullAt(CHANGES)) {
          changes.addAll(row.getList(CHANGES));
        }
        changes.add(judge.cutCode(v.benchmark()));
        values[CHANGES] = CollectionConverters.asScala(changes).toSeq();
      }
      return RowFactory.create(values);
    }
  }

  /** The owners that the join attached to a document's hits (parallel lists, hits sorted). */
  private record RowOwners(long[] hits, List<scala.collection.Seq<Integer>> owners, List<Integer> items)
      implements HitOwners {
    @Override
    public int[] benchmarksOf(long fp) {
      int i = Arrays.binarySearch(hits, fp);
      return CollectionConverters.asJava(owners.get(i)).stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public int firstLocalItem(long fp) {
      return items.get(Arrays.binarySearch(hits, fp));
    }
  }
}
