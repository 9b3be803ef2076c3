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
import org.curate.decontam.Decontaminator;
import org.curate.decontam.LocalDecontamination;
import org.curate.jobs.spark.DocumentSchema;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Executor side of the decontaminate stage. Pass 1 ({@link Scan}) adds to each kept document the
 * protected n-gram fingerprints it contains (null when none, which is almost always); pass 2
 * ({@link Judge}) turns a document whose fingerprints are not all excused as common usage into a
 * drop ({@code decontam:<benchmark>}) or, in window mode, a cut. Upstream drops and failures pass
 * through untouched, so the stage's counts conserve.
 */
final class DecontamRows {
  static final String HITS = "decontam_hits";
  static final StructType SCANNED = DocumentSchema.OUTCOME.add(HITS, DataTypes.createArrayType(DataTypes.LongType, false), true);
  private static final int TEXT = DocumentSchema.OUTCOME.fieldIndex("text");
  private static final int OUTCOME = DocumentSchema.OUTCOME.fieldIndex("outcome");
  private static final int REASON = DocumentSchema.OUTCOME.fieldIndex("reason");
  private static final int DETAIL = DocumentSchema.OUTCOME.fieldIndex("detail");
  private static final int CHANGES = DocumentSchema.OUTCOME.fieldIndex("changes");
  private static final int HITS_INDEX = SCANNED.fieldIndex(HITS);

  private DecontamRows() {}

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

  static final class Judge implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<Decontaminator> decontaminator;
    private final Broadcast<long[]> excused;

    Judge(Broadcast<Decontaminator> decontaminator, Broadcast<long[]> excused) {
      this.decontaminator = decontaminator;
      this.excused = excused;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      Decontaminator d = decontaminator.value();
      long[] common = excused.value();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return rows.hasNext();
        }

        @Override
        public Row next() {
          return judge(d, common, rows.next());
        }
      };
    }

    static Row judge(Decontaminator d, long[] common, Row row) {
      Object[] values = new Object[DocumentSchema.OUTCOME.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = row.get(i);
      }
      if (row.isNullAt(HITS_INDEX)) {
        return RowFactory.create(values);
      }
      List<Long> boxed = row.getList(HITS_INDEX);
      long[] hits = boxed.stream().mapToLong(Long::longValue).toArray();
      Decontaminator.Verdict v = d.judge(row.getString(TEXT), hits, common);
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
        changes.add(LocalDecontamination.cutCode(d.index(), v.benchmark()));
        values[CHANGES] = CollectionConverters.asScala(changes).toSeq();
      }
      return RowFactory.create(values);
    }
  }
}
